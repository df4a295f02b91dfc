/**
 * Bytes → header-checked rows for one survey CSV. Collects problems instead of
 * throwing so that one run reports everything wrong with a file. Rows are
 * produced lazily (one at a time) so a 100,000-row file is never held as arrays.
 *
 * A whole-file problem (missing, undecodable, not CSV) gives one problem and no
 * rows: the caller must not report thousands of follow-on errors for it.
 */
import { csvRecords, type CsvSyntaxError } from './csv.js';
import { decodeSurveyBytes } from './decode.js';
import { normalizeCell } from './normalize.js';
import { problem, type Problem } from './problems.js';
import type { TemplateColumn } from './template-columns.js';

export interface TableRow {
  /** Excel row number (header = 1). */
  line: number;
  /** Cells by template column key; absent optional columns are missing. */
  cells: Map<string, string>;
  /** Cell count differs from the header: only the id is trusted, the row is not parsed. */
  misaligned: boolean;
}

export interface ReadTable {
  /** Data rows, read on demand; problems of a row are pushed when it is read. */
  rows: Iterable<TableRow>;
  present: Set<string>;
  /** false when the file could not be read at all (no rows to check). */
  readable: boolean;
  /** Set once the rows have been read: false when a syntax error stopped reading part-way. */
  complete: boolean;
}

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const CONTROLS = new RegExp(CONTROL.source, 'g');

export function controlProblem(file: string, row: number, column: string, cell: string): Problem | null {
  const m = CONTROL.exec(cell);
  if (!m) return null;
  const code = `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  return problem('control_character', file, row, column, cell, `${code}, ${m.index + 1}文字目 / character ${m.index + 1}`);
}

function syntaxProblem(file: string, e: CsvSyntaxError): Problem {
  return problem(e.kind, file, e.row, `${e.cell}列目 / cell ${e.cell}`, '');
}

export function readSurveyTable(file: string, bytes: Uint8Array | null, columns: readonly TemplateColumn[], problems: Problem[]): ReadTable {
  const none: ReadTable = { rows: [], present: new Set(), readable: false, complete: false };
  if (bytes === null) {
    problems.push(problem('missing_file', file, 0, '', ''));
    return none;
  }
  const decoded = decodeSurveyBytes(bytes);
  if (!decoded.ok) {
    if (decoded.reason === 'mixed') problems.push(problem('mixed_encoding', file, decoded.row, '', '', decoded.as));
    else if (decoded.reason === 'binary') problems.push(problem(`binary_${decoded.kind}`, file, 0, '', ''));
    else problems.push(problem(decoded.reason === 'empty' ? 'empty_file' : decoded.reason === 'utf16' ? 'utf16' : 'encoding', file, 0, '', ''));
    return none;
  }
  if (decoded.text.trim() === '') {
    problems.push(problem('empty_file', file, 0, '', ''));
    return none;
  }
  const records = csvRecords(decoded.text);
  const first = records.next();
  if (first.done) {
    problems.push(problem('empty_file', file, 0, '', ''));
    return none;
  }
  if ('error' in first.value) {
    problems.push(syntaxProblem(file, first.value.error));
    return none;
  }
  const headerRow = first.value.row;
  const rawHeader = first.value.cells;
  const header = rawHeader.map(normalizeCell);
  const byHeader = new Map(columns.map((col) => [col.header, col]));
  if (header.length === 1 && rawHeader[0]?.includes('\t') && rawHeader[0].split('\t').some((h) => byHeader.has(normalizeCell(h)))) {
    problems.push(problem('wrong_separator', file, headerRow, '', rawHeader[0]));
    return none;
  }
  const index: (TemplateColumn | undefined)[] = [];
  const present = new Set<string>();
  /** Header cells left empty (Excel's stray commas): fine while their column stays empty. */
  const blankHeaders = new Set<number>();
  header.forEach((h, i) => {
    const bad = controlProblem(file, headerRow, h, rawHeader[i] ?? '');
    if (bad) problems.push(bad);
    const col = byHeader.get(h);
    if (!col) {
      if (h === '') blankHeaders.add(i);
      else problems.push(problem('unknown_column', file, headerRow, h, h));
    } else if (present.has(col.key)) {
      problems.push(problem('duplicate_column', file, headerRow, h, h));
    } else {
      present.add(col.key);
      index[i] = col;
    }
  });
  for (const col of columns) {
    if (col.presence === 'required' && !present.has(col.key)) problems.push(problem('missing_column', file, headerRow, col.header, ''));
  }
  const idAt = index.findIndex((col) => col?.kind.type === 'id');
  const headerKey = header.join('\u0000');

  function* rows(): Generator<TableRow> {
    let count = 0;
    const reportedBlank = new Set<number>();
    for (const item of records) {
      if ('error' in item) {
        problems.push(syntaxProblem(file, item.error));
        table.complete = false;
        return;
      }
      const { cells: r, row: line } = item;
      count++;
      r.forEach((v, i) => {
        const bad = controlProblem(file, line, header[i] || `${i + 1}列目 / cell ${i + 1}`, v);
        if (bad) problems.push(bad);
      });
      if (r.length === header.length && r.map(normalizeCell).join('\u0000') === headerKey) {
        problems.push(problem('repeated_header', file, line, '', r.join(',')));
        continue;
      }
      // Strict: a shifted row (one cell too many or too few) would silently move every answer to the wrong column.
      if (r.length !== header.length) {
        problems.push(problem('column_count', file, line, '', r.join(','), `${r.length}列 / ヘッダーは${header.length}列; ${r.length} cells, header has ${header.length}`));
        yield { line, cells: new Map([['case_id', normalizeCell(r[idAt] ?? '')]]), misaligned: true };
        continue;
      }
      const cells = new Map<string, string>();
      for (let i = 0; i < r.length; i++) {
        const col = index[i];
        const v = r[i] ?? '';
        // A cell with a control character is already reported; check the rest of it as usual (one mistake, one message).
        if (col) cells.set(col.key, normalizeCell(CONTROL.test(v) ? v.replace(CONTROLS, '') : v));
        else if (blankHeaders.has(i) && !reportedBlank.has(i) && normalizeCell(v) !== '') {
          reportedBlank.add(i);
          problems.push(problem('unknown_column', file, line, `${i + 1}列目 / cell ${i + 1}`, v, '見出しが空の列 / column without a header'));
        }
      }
      yield { line, cells, misaligned: false };
    }
    if (count === 0) problems.push(problem('no_rows', file, 0, '', ''));
    table.complete = true;
  }
  const table: ReadTable = { rows: rows(), present, readable: true, complete: false };
  return table;
}
