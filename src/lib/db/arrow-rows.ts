import { DataType, type Table } from 'apache-arrow';
import { plainValue } from './plain-value';
import type { Row } from './types';

/**
 * Arrow → plain rows. Reads through each vector's `get` so NULL stays NULL (typed-array
 * `toArray()` turns NULL ints into 0), turns safe BigInts into numbers and keeps larger
 * ones exact as strings, and writes DATE as ISO `YYYY-MM-DD`.
 */
export function arrowToRows(table: Table): Row[] {
  const fields = table.schema.fields;
  const columns = fields.map((_, j) => table.getChildAt(j)!);
  const rows: Row[] = new Array(table.numRows);
  for (let i = 0; i < table.numRows; i++) {
    const row: Row = {};
    for (let j = 0; j < fields.length; j++) row[fields[j]!.name] = plainValue(columns[j]!.get(i), DataType.isDate(fields[j]!.type));
    rows[i] = row;
  }
  return rows;
}
