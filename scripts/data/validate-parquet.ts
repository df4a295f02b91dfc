/**
 * Full value validation of the build's Parquet files (a previous download, this site's
 * export, or `npm run data` output) before the dashboard loads them — the same rules and
 * messages as a CSV import:
 *   1. case.parquet and participation.parquet go through the CSV validator's checks
 *      (validateSurveyRows, via parquet-rows.ts): vocabulary, codes, ranges, references;
 *   2. every table must then equal what the validator writes from those rows (buildTables):
 *      the derived tables (case_subsidy, case_cost_basis), stored forms (6-digit codes,
 *      display strings), dataset.parquet's counts, and any reference table given must be
 *      the site's. So whatever passes is exactly what a CSV import of the same data loads.
 * Input: decoded row objects per table name; pure and isomorphic.
 */
import { buildTables, type Row, type Tables } from './build-tables.js';
import { TABLE_SCHEMAS } from './parquet-schema.js';
import { caseTable, cellText, participationTable, withParquetColumn, type ParquetRecord } from './parquet-rows.js';
import { problem, type Problem } from './problems.js';
import type { Reference } from './reference-data.js';
import type { Survey } from './survey-record.js';
import { inReadingOrder, validateSurveyRows } from './validate-survey.js';

export type ParquetTables = Partial<Record<keyof Tables, readonly ParquetRecord[]>>;
export type ParquetResult = { ok: true; survey: Survey; tables: Tables; asOf: string } | { ok: false; problems: Problem[] };

const file = (t: keyof Tables) => `${t}.parquet`;
const ORDER = (Object.keys(TABLE_SCHEMAS) as (keyof Tables)[]).map(file);
/** Row-level mismatches reported per table before one summary line (a wholly different file is one mistake). */
export const MAX_ROW_PROBLEMS = 50;

const key = (cells: readonly unknown[]) => JSON.stringify(cells.map(cellText));

/** File rows vs the rows the validator writes, as multisets (row order carries no meaning in Parquet). */
function compareRows(t: keyof Tables, records: readonly ParquetRecord[], expected: Iterable<Row>, code: 'not_normalised' | 'reference_differs', problems: Problem[]): void {
  const cols = TABLE_SCHEMAS[t].map(([c]) => c);
  const want = new Map<string, number>();
  for (const r of expected) want.set(key(r), (want.get(key(r)) ?? 0) + 1);
  let reported = 0;
  let extra = 0;
  records.forEach((rec, i) => {
    const k = key(cols.map((c) => rec[c]));
    const n = want.get(k) ?? 0;
    if (n > 0) return void want.set(k, n - 1);
    extra++;
    if (reported++ < MAX_ROW_PROBLEMS) problems.push(problem(code, file(t), i + 1, cols.join(', '), cols.map((c) => cellText(rec[c])).join(', ')));
  });
  const missing = [...want.entries()].filter(([, n]) => n > 0);
  for (const [k, n] of missing.slice(0, Math.max(0, MAX_ROW_PROBLEMS - reported))) {
    const cells = (JSON.parse(k) as string[]).join(', ');
    problems.push(problem(code === 'reference_differs' ? code : 'missing_row', file(t), 0, cols.join(', '), cells, n > 1 ? `${n}行 / ${n} rows` : ''));
  }
  const total = extra + missing.length;
  if (total > MAX_ROW_PROBLEMS) problems.push(problem(code, file(t), 0, '', '', `ほか全${total}件 / ${total} in all`));
}

/**
 * participation.parquet's stored form, row by row: the validator keeps every row of a valid
 * file in its order, so row i of the file must be row i it writes (2.5 million rows at
 * 100,000 cases: no per-row keys are built).
 */
function compareInOrder(t: 'participation', records: readonly ParquetRecord[], expected: Iterable<Row>, problems: Problem[]): void {
  const cols = TABLE_SCHEMAS[t].map(([c]) => c);
  let i = 0;
  let reported = 0;
  for (const want of expected) {
    const rec = records[i++] ?? {};
    const at = cols.findIndex((c, j) => cellText(rec[c]) !== cellText(want[j]));
    if (at >= 0 && reported++ < MAX_ROW_PROBLEMS) problems.push(problem('not_normalised', file(t), i, cols[at]!, cellText(rec[cols[at]!]), `期待値 / expected "${cellText(want[at])}"`));
  }
  if (reported > MAX_ROW_PROBLEMS) problems.push(problem('not_normalised', file(t), 0, '', '', `ほか全${reported}件 / ${reported} in all`));
}

/** case.parquet's stored form, per case and column: the validator's row for that case id. */
function compareCases(records: readonly ParquetRecord[], tables: Tables, problems: Problem[]): void {
  const cols = TABLE_SCHEMAS.case.map(([c]) => c);
  const byId = new Map<string, Row>();
  for (const r of tables.case.rows()) byId.set(String(r[0]), r);
  let reported = 0;
  records.forEach((rec, i) => {
    const want = byId.get(cellText(rec['case_id']));
    const at = want ? cols.findIndex((c, j) => cellText(rec[c]) !== cellText(want[j])) : -1;
    if (at >= 0 && reported++ < MAX_ROW_PROBLEMS) problems.push(problem('not_normalised', 'case.parquet', i + 1, cols[at]!, cellText(rec[cols[at]!]), `期待値 / expected "${cellText(want![at])}"`));
  });
}

function asOfOf(records: readonly ParquetRecord[] | undefined, problems: Problem[]): string {
  const v = records?.[0]?.['as_of'];
  const text = cellText(v);
  const ok = /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && text >= '1990-01-01' && text <= '2100-12-31';
  if (!ok) problems.push(problem('bad_as_of', 'dataset.parquet', 1, 'as_of', text));
  return text;
}

export function validateParquetSurvey(input: ParquetTables, ref: Reference): ParquetResult {
  const problems: Problem[] = [];
  const result = validateSurveyRows(
    () => caseTable('case.parquet', input.case ?? [], problems),
    () => participationTable('participation.parquet', input.participation ?? [], problems),
    problems,
    ref,
    'survey',
    { cases: 'case.parquet', participation: 'participation.parquet' },
  );
  const asOf = asOfOf(input.dataset, problems);
  if (!result.ok) return { ok: false, problems: inReadingOrder(result.problems.map(withParquetColumn), ORDER) };
  const tables = buildTables(ref, result.survey, 'import');
  compareCases(input.case ?? [], tables, problems);
  compareInOrder('participation', input.participation ?? [], tables.participation.rows(), problems);
  for (const t of ['case_subsidy', 'case_cost_basis'] as const) compareRows(t, input[t] ?? [], tables[t].rows(), 'not_normalised', problems);
  for (const t of ['prefecture', 'municipality', 'system', 'cost_band'] as const) if (input[t]) compareRows(t, input[t], tables[t].rows(), 'reference_differs', problems);
  const [computed] = tables.dataset.rows();
  const stated = input.dataset?.[0] ?? {};
  TABLE_SCHEMAS.dataset.forEach(([c], i) => {
    if (c.endsWith('_count') && cellText(stated[c]) !== cellText(computed![i])) problems.push(problem('count_mismatch', 'dataset.parquet', 1, c, cellText(stated[c]), `case.parquet から / from case.parquet: ${cellText(computed![i])}`));
  });
  if (problems.length) return { ok: false, problems: inReadingOrder(problems, ORDER) };
  return { ok: true, survey: result.survey, tables, asOf };
}
