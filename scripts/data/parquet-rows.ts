/**
 * Rows of the build's Parquet files (case.parquet, participation.parquet, as decoded row
 * objects) turned back into template cells, so the validator checks them exactly as it
 * checks a CSV (validate-survey.ts: vocabulary, codes, ranges, references). The row number
 * is the row of the file (first data row = 1; Parquet has no header row).
 *
 * What only Parquet can get wrong is reported here: an unknown system id (the CSV names
 * the system instead), an answer state outside the four, a state that disagrees with its
 * value, control characters. Pure and isomorphic, like the rest of the validator.
 */
import { ANSWER_STATES, classifyCell, stateSymbol, type AnswerState } from './answer-state.js';
import { COST_BANDS } from './cost-bands.js';
import { problem, type Problem } from './problems.js';
import { controlProblem, type ReadTable, type TableRow } from './read-table.js';
import { SYSTEMS } from './systems.js';
import { CASE_COLUMNS, type TemplateColumn } from './template-columns.js';

export type ParquetRecord = Record<string, unknown>;

/** A decoded Parquet value as text: numbers and bigints in decimal, dates as YYYY-MM-DD, null as ''. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString().slice(0, 10);
  return String(v);
}

/** The Parquet column(s) a template column is stored in (for messages that name a column of the file). */
export function parquetColumnOf(col: TemplateColumn): string {
  const k = col.kind.type;
  if (k === 'start') return 'start_year, start_month';
  if (k === 'band') return `${col.key}_order`;
  if (k === 'division' || k === 'system') return 'system_id';
  return col.key;
}

const HEADER_TO_PARQUET = new Map(CASE_COLUMNS.map((c) => [c.header, parquetColumnOf(c)]));

/** A problem the shared validator reported by template header, named by its Parquet column too: `都道府県コード（prefecture_code）`. */
export function withParquetColumn(p: Problem): Problem {
  const col = HEADER_TO_PARQUET.get(p.column);
  return col && col !== p.column ? { ...p, column: `${p.column}（${col}）` } : p;
}

function* table(records: readonly ParquetRecord[], toRow: (r: ParquetRecord, line: number) => TableRow): Generator<TableRow> {
  for (let i = 0; i < records.length; i++) yield toRow(records[i]!, i + 1);
}

/** Control characters in any text cell, reported as the CSV reader reports them. */
function checked(file: string, line: number, column: string, v: string, problems: Problem[]): string {
  const bad = controlProblem(file, line, column, v);
  if (bad) problems.push(bad);
  return v;
}

/** An answer's template cell from its value and state columns: the value, or ×, -, blank. */
function answerCell(file: string, line: number, column: string, value: unknown, state: unknown, render: (v: unknown) => string, problems: Problem[]): string {
  const s = cellText(state);
  if (!(ANSWER_STATES as readonly string[]).includes(s)) {
    problems.push(problem('bad_state', file, line, `${column}_state`, s));
    return '';
  }
  const has = value !== null && value !== undefined;
  if (s !== 'answered') {
    if (has) problems.push(problem('state_mismatch', file, line, column, cellText(value), `state=${s}`));
    return stateSymbol(s as Exclude<AnswerState, 'answered'>);
  }
  const text = has ? render(value) : '';
  if (classifyCell(text) !== 'answered') {
    problems.push(problem('state_mismatch', file, line, column, text, 'state=answered'));
    return '';
  }
  return checked(file, line, column, text, problems);
}

function caseRow(file: string, r: ParquetRecord, line: number, problems: Problem[]): TableRow {
  const cells = new Map<string, string>();
  const text = (key: string) => checked(file, line, key, cellText(r[key]), problems);
  cells.set('case_id', text('case_id'));
  const systemId = cellText(r['system_id']);
  const system = SYSTEMS.find((s) => s.id === systemId) ?? null;
  if (!system) problems.push(problem(systemId === '' ? 'required_value' : 'unknown_system_id', file, line, 'system_id', systemId));
  // A row with an unknown system is already refused; a real system stands in so no follow-on message repeats it.
  const shown = system ?? SYSTEMS[0]!;
  cells.set('division', shown.division);
  cells.set('system_name', shown.name);
  cells.set('prefecture_code', text('prefecture_code'));
  cells.set('provenance', text('provenance'));
  const synthetic = text('synthetic_fields');
  cells.set('synthetic_fields', synthetic === '' ? '' : synthetic.split(',').map((k) => CASE_COLUMNS.find((c) => c.key === k)?.header ?? k).join(','));
  for (const col of CASE_COLUMNS) {
    const k = col.kind.type;
    if (k === 'start') {
      const month = r['start_month'];
      const start = (y: unknown) => (month === null || month === undefined ? cellText(y) : `${cellText(y)}-${cellText(month).padStart(2, '0')}`);
      cells.set(col.key, answerCell(file, line, 'start_year', r['start_year'], r['start_state'], start, problems));
    } else if (k === 'band') {
      const band = (v: unknown) => COST_BANDS[Number(v)] ?? cellText(v);
      cells.set(col.key, answerCell(file, line, `${col.key}_order`, r[`${col.key}_order`], r[`${col.key}_state`], band, problems));
    } else if (k === 'int' || k === 'text' || k === 'enum' || k === 'multiText' || k === 'multiEnum') {
      cells.set(col.key, answerCell(file, line, col.key, r[col.key], r[`${col.key}_state`], cellText, problems));
    }
  }
  return { line, cells, misaligned: false };
}

function participationRow(file: string, r: ParquetRecord, line: number, problems: Problem[]): TableRow {
  const cells = new Map<string, string>();
  for (const key of ['case_id', 'lg_code', 'provenance']) cells.set(key, checked(file, line, key, cellText(r[key]), problems));
  return { line, cells, misaligned: false };
}

const present = (keys: Iterable<string>) => new Set(keys);

/** case.parquet's rows as the validator reads a cases.csv (every column present). */
export function caseTable(file: string, records: readonly ParquetRecord[], problems: Problem[]): ReadTable {
  return { rows: table(records, (r, line) => caseRow(file, r, line, problems)), present: present(CASE_COLUMNS.map((c) => c.key)), readable: true, complete: true };
}

/** participation.parquet's rows as the validator reads a participation.csv. */
export function participationTable(file: string, records: readonly ParquetRecord[], problems: Problem[]): ReadTable {
  return { rows: table(records, (r, line) => participationRow(file, r, line, problems)), present: present(['case_id', 'lg_code', 'provenance']), readable: true, complete: true };
}
