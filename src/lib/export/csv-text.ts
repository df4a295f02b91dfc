import { DataType, type Table, type Vector } from 'apache-arrow';
import { valueText } from '../console/cell-format';

/** First characters that make Excel or LibreOffice read a cell as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell that Excel could execute gets a leading apostrophe, so it is shown as text.
 * Only text columns are touched: a negative number in a numeric column is data, not a formula.
 * A lone `-` (how the survey writes 不明) is no formula in Excel or LibreOffice: it stays as is,
 * or Excel would show `'-`.
 */
export function neutralise(text: string): string {
  return text !== '-' && FORMULA_START.test(text) ? `'${text}` : text;
}

function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

/**
 * RFC 4180 CSV (CRLF) of an Arrow table: NULL is an empty field, the empty string is `""`,
 * so the two stay distinct; BIGINT is exact; DATE is YYYY-MM-DD.
 */
export function tableToCsv(table: Table, headers: string[] = table.schema.fields.map((f) => f.name)): string {
  const fields = table.schema.fields;
  const columns = fields.map((_, j) => table.getChildAt(j) as Vector);
  const text = fields.map((f) => DataType.isUtf8(f.type) || DataType.isLargeUtf8(f.type) || DataType.isDictionary(f.type));
  const lines: string[] = [headers.map((h) => quote(neutralise(h))).join(',')];
  for (let i = 0; i < table.numRows; i++) {
    const cells: string[] = new Array(fields.length);
    for (let j = 0; j < fields.length; j++) {
      const v: unknown = columns[j]!.get(i);
      if (v === null || v === undefined) cells[j] = '';
      else if (v === '') cells[j] = '""';
      else {
        const s = valueText(v, fields[j]!.type as DataType);
        cells[j] = quote(text[j] ? neutralise(s) : s);
      }
    }
    lines.push(cells.join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
