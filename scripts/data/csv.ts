/**
 * RFC 4180 CSV reader/writer. Free texts contain commas, quotes and newlines
 * (e.g. the 作業プロセス bullet list), so quoting must be exact both ways.
 *
 * Rows are numbered as Excel shows them (header = 1): a cell with line breaks is
 * still one row, and a blank line is a row of its own (it is not a record).
 * Records are produced one at a time so a large file is never held as arrays.
 */

export interface CsvRecord {
  cells: string[];
  /** Excel row number (1-based). */
  row: number;
}

export interface CsvSyntaxError {
  kind: 'unterminated_quote' | 'stray_quote';
  /** Excel row number where the broken cell is. */
  row: number;
  /** 1-based cell position in that row. */
  cell: number;
}

export type CsvItem = CsvRecord | { error: CsvSyntaxError };

/** Iterate over the records of `text`; stops after the first syntax error (yielded as data). */
export function* csvRecords(text: string): Generator<CsvItem> {
  const n = text.length;
  let i = 0;
  let row = 1;
  while (i < n) {
    const cells: string[] = [];
    let field = '';
    let fieldStarted = false;
    let atCellStart = true;
    let ended = false;
    while (i < n && !ended) {
      const c = text.charCodeAt(i);
      if (c === 0x22 /* " */ && atCellStart) {
        atCellStart = false;
        // Quoted cell: runs to the next lone quote, which must end the cell.
        const startRow = row;
        i++;
        let buf = '';
        let from = i;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q < 0) {
            yield { error: { kind: 'unterminated_quote', row: startRow, cell: cells.length + 1 } };
            return;
          }
          if (text.charCodeAt(q + 1) === 0x22) {
            buf += text.slice(from, q + 1);
            i = q + 2;
            from = i;
            continue;
          }
          buf += text.slice(from, q);
          i = q + 1;
          break;
        }
        // Line breaks inside a cell are stored as LF whatever the file used (Excel writes CRLF).
        field = buf.includes('\r') ? buf.replace(/\r\n?/g, '\n') : buf;
        // The row counter does not move for breaks inside a cell: Excel shows them as one row.
        fieldStarted = true;
        const next = text.charCodeAt(i);
        if (i < n && next !== 0x2c && next !== 0x0a && next !== 0x0d) {
          // `"青森 "電子申請" サービス"`: an undoubled quote inside a quoted cell.
          yield { error: { kind: 'stray_quote', row: startRow, cell: cells.length + 1 } };
          return;
        }
      } else if (c === 0x2c /* , */) {
        cells.push(field);
        field = '';
        fieldStarted = true;
        atCellStart = true;
        i++;
      } else if (c === 0x0a || c === 0x0d) {
        i += c === 0x0d && text.charCodeAt(i + 1) === 0x0a ? 2 : 1;
        ended = true;
      } else {
        // Plain run up to the next delimiter.
        let j = i;
        while (j < n) {
          const d = text.charCodeAt(j);
          if (d === 0x2c || d === 0x0a || d === 0x0d) break;
          j++;
        }
        field += text.slice(i, j);
        fieldStarted = true;
        atCellStart = false;
        i = j;
      }
    }
    cells.push(field);
    // A completely empty line is not a record (but it is a row in Excel).
    if (!(cells.length === 1 && cells[0] === '' && !fieldStarted)) yield { cells, row };
    row++;
  }
}

export interface CsvParseResult {
  rows: string[][];
  /** Excel row number of each record. */
  lines: number[];
  error?: CsvSyntaxError;
}

/** Whole-file convenience over `csvRecords` (small files: reference tables, tests). */
export function parseCsv(text: string): CsvParseResult {
  const rows: string[][] = [];
  const lines: number[] = [];
  for (const item of csvRecords(text)) {
    if ('error' in item) return { rows, lines, error: item.error };
    rows.push(item.cells);
    lines.push(item.row);
  }
  return { rows, lines };
}

function quoteField(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Serialise with LF line ends and no BOM: stable bytes for review and diffs. */
export function stringifyCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((r) => r.map(quoteField).join(',')).join('\n') + '\n';
}
