/**
 * Bytes → header-checked rows for one survey CSV. Collects problems instead of
 * throwing so that one run reports everything wrong with a file.
 */
import { parseCsv } from './csv.js';
import { decodeSurveyBytes } from './decode.js';
import { normalizeCell } from './normalize.js';
import { problem, type Problem } from './problems.js';
import type { TemplateColumn } from './template-columns.js';

export interface TableRow {
  line: number;
  /** Cells by template column key; absent optional columns are missing. */
  cells: Map<string, string>;
  /** Cell count differs from the header: only the id is trusted, the row is not parsed. */
  misaligned: boolean;
}

export interface ReadTable {
  rows: TableRow[];
  present: Set<string>;
  /** false when the file could not be read at all (no rows to check). */
  readable: boolean;
}

export function readSurveyTable(file: string, bytes: Uint8Array | null, columns: readonly TemplateColumn[], problems: Problem[]): ReadTable {
  const none: ReadTable = { rows: [], present: new Set(), readable: false };
  if (bytes === null) {
    problems.push(problem('missing_file', file, 0, '', ''));
    return none;
  }
  const decoded = decodeSurveyBytes(bytes);
  if (!decoded.ok) {
    problems.push(problem(decoded.reason === 'empty' ? 'empty_file' : 'encoding', file, 0, '', ''));
    return none;
  }
  if (decoded.text.trim() === '') {
    problems.push(problem('empty_file', file, 0, '', ''));
    return none;
  }
  const parsed = parseCsv(decoded.text);
  if (parsed.error) {
    problems.push(problem('csv_syntax', file, 0, '', '', parsed.error));
    return none;
  }
  const [rawHeader, ...body] = parsed.rows;
  if (!rawHeader) {
    problems.push(problem('empty_file', file, 0, '', ''));
    return none;
  }
  const header = rawHeader.map(normalizeCell);
  const byHeader = new Map(columns.map((col) => [col.header, col]));
  const index: (TemplateColumn | undefined)[] = [];
  const present = new Set<string>();
  header.forEach((h, i) => {
    const col = byHeader.get(h);
    if (!col) {
      // Trailing empty header cells come from Excel's stray commas; ignore them when the column is empty.
      if (h === '' && body.every((r) => normalizeCell(r[i] ?? '') === '')) return;
      problems.push(problem('unknown_column', file, 1, h, h));
    } else if (present.has(col.key)) {
      problems.push(problem('duplicate_column', file, 1, h, h));
    } else {
      present.add(col.key);
      index[i] = col;
    }
  });
  for (const col of columns) {
    if (col.presence === 'required' && !present.has(col.key)) problems.push(problem('missing_column', file, 1, col.header, ''));
  }
  const rows: TableRow[] = [];
  body.forEach((r, bi) => {
    const line = parsed.lines[bi + 1] ?? 0;
    // Strict: a shifted row (one cell too many or too few) would silently move every answer to the wrong column.
    if (r.length !== header.length) {
      problems.push(problem('column_count', file, line, '', String(r.length), `${r.length} ≠ ${header.length}`));
      const idAt = index.findIndex((col) => col?.kind.type === 'id');
      rows.push({ line, cells: new Map([['case_id', normalizeCell(r[idAt] ?? '')]]), misaligned: true });
      return;
    }
    const cells = new Map<string, string>();
    r.forEach((v, i) => {
      const col = index[i];
      if (col) cells.set(col.key, normalizeCell(v));
    });
    rows.push({ line, cells, misaligned: false });
  });
  if (body.length === 0) problems.push(problem('no_rows', file, 0, '', ''));
  return { rows, present, readable: true };
}
