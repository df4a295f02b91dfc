/**
 * Normalised survey tables → Parquet files in the browser, with the same file
 * names and column types as `npm run data` writes (TABLE_SCHEMAS), so a saved set
 * can replace static/data. Arrow vectors are built without `new Function` (CSP).
 */
import { DateDay, Int32, Int64, Table, Utf8, type DataType, type Vector } from 'apache-arrow';
import { columnVector } from '$lib/db/arrow-column';
import { toParquet } from '$lib/export/parquet-file';
import { allRows, TABLE_SCHEMAS, type SqlType, type Tables } from '../../../scripts/data/survey-core.js';

const ARROW: Record<SqlType, () => DataType> = { VARCHAR: () => new Utf8(), INTEGER: () => new Int32(), BIGINT: () => new Int64(), DATE: () => new DateDay() };

/** 'YYYY-MM-DD' → days since 1970-01-01 (Arrow's DateDay). */
const toDay = (v: unknown) => (typeof v === 'string' ? Math.round(Date.parse(`${v}T00:00:00Z`) / 86_400_000) : v);

export function tableToArrow(name: keyof Tables, tables: Tables): Table {
  const rows = allRows(tables[name]);
  const vectors: Record<string, Vector> = {};
  TABLE_SCHEMAS[name].forEach(([col, type], i) => {
    const values = rows.map((r) => (type === 'DATE' ? toDay(r[i]) : r[i]));
    vectors[col] = columnVector(values, ARROW[type]());
  });
  return new Table(vectors);
}

export interface SavedFile {
  name: string;
  bytes: Uint8Array;
}

export async function surveyParquetFiles(tables: Tables, metadata: Record<string, string>): Promise<SavedFile[]> {
  const out: SavedFile[] = [];
  for (const name of Object.keys(TABLE_SCHEMAS) as (keyof Tables)[]) {
    out.push({ name: `${name}.parquet`, bytes: await toParquet(tableToArrow(name, tables), { ...metadata, table: name }) });
  }
  return out;
}
