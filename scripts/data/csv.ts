/**
 * Minimal RFC 4180 CSV reader/writer. Free texts contain commas, quotes and
 * newlines (e.g. the 作業プロセス bullet list), so quoting must be exact both ways.
 */

export interface CsvParseResult {
  rows: string[][];
  /** 1-based physical line where each row starts, for error messages. */
  lines: number[];
  error?: string;
}

export function parseCsv(text: string): CsvParseResult {
  const rows: string[][] = [];
  const lines: number[] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  let line = 1;
  let rowStart = 1;
  let i = 0;
  let fieldStarted = false;
  const endRow = (): void => {
    row.push(field);
    // A line that is completely empty is not a record (e.g. trailing newline).
    if (!(row.length === 1 && row[0] === '' && !fieldStarted)) {
      rows.push(row);
      lines.push(rowStart);
    }
    row = [];
    field = '';
    fieldStarted = false;
  };
  while (i < text.length) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i++;
        continue;
      }
      // Line breaks inside a cell are stored as LF whatever the file used (Excel writes CRLF).
      if (c === '\r') {
        field += '\n';
        i += text[i + 1] === '\n' ? 2 : 1;
        line++;
        continue;
      }
      if (c === '\n') line++;
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') {
      inQuotes = true;
      fieldStarted = true;
      i++;
    } else if (c === ',') {
      row.push(field);
      field = '';
      fieldStarted = true;
      i++;
    } else if (c === '\r' || c === '\n') {
      endRow();
      if (c === '\r' && text[i + 1] === '\n') i++;
      i++;
      line++;
      rowStart = line;
    } else {
      field += c;
      fieldStarted = true;
      i++;
    }
  }
  if (inQuotes) return { rows, lines, error: `unterminated quoted field starting near line ${rowStart}` };
  if (field !== '' || row.length > 0 || fieldStarted) endRow();
  return { rows, lines };
}

function quoteField(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Serialise with LF line ends and no BOM: stable bytes for review and diffs. */
export function stringifyCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((r) => r.map(quoteField).join(',')).join('\n') + '\n';
}
