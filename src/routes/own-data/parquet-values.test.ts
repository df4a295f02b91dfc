/**
 * A user's Parquet is refused exactly like the same data as CSV: each mutation is applied
 * to the build's Parquet (rewritten with @duckdb/node-api) and to the template CSV, and
 * both go through the validator; the problems must agree in code, column, value and reason.
 * Parquet-only mistakes (system ids, answer states, stored forms, derived tables, counts,
 * reference tables, as_of) are checked on their own.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv, stringifyCsv } from '../../../scripts/data/csv';
import { loadReference } from '../../../scripts/data/load-reference';
import type { Problem } from '../../../scripts/data/problems';
import { processSurvey } from '../../../scripts/data/survey-core';
import { literal } from '$lib/sql/quote';
import { validateParquetFiles } from './parquet-values';

const ref = loadReference('data/reference');
const dir = mkdtempSync(join(tmpdir(), 'pq-values-'));
const SURVEY = ['case', 'participation', 'case_subsidy', 'case_cost_basis', 'dataset'];
const ALL = ['prefecture', 'municipality', 'system', 'cost_band', ...SURVEY];
const src = (t: string) => `read_parquet(${literal(`static/data/${t}.parquet`)}, file_row_number = true)`;
let db: DuckDBConnection;
let written = 0;

beforeAll(async () => {
  db = await (await DuckDBInstance.create(':memory:')).connect();
});

/** The build's files with some tables replaced by `SELECT …` over the original (`{t}` = the original table). */
async function parquetWith(changes: Record<string, string>, tables = SURVEY): Promise<Record<string, Uint8Array>> {
  const out: Record<string, Uint8Array> = {};
  for (const t of tables) {
    if (!changes[t]) {
      out[`${t}.parquet`] = new Uint8Array(readFileSync(`static/data/${t}.parquet`));
      continue;
    }
    const path = join(dir, `${t}-${written++}.parquet`);
    await db.run(`COPY (${changes[t].replaceAll('{t}', src(t))}) TO ${literal(path)} (FORMAT parquet, COMPRESSION zstd)`);
    out[`${t}.parquet`] = new Uint8Array(readFileSync(path));
  }
  return out;
}

async function parquetProblems(changes: Record<string, string>, tables = SURVEY): Promise<Problem[]> {
  const r = await validateParquetFiles(await parquetWith(changes, tables), ref);
  return r.ok ? [] : r.problems;
}

/** The template CSV with one case cell changed and participation rows appended. */
function csvProblems(change: { id?: string; header?: string; value?: string; participation?: string[] }): Problem[] {
  const cases = parseCsv(readFileSync('data/survey/cases.csv', 'utf8')).rows;
  const [h, ...rows] = cases;
  if (change.id) rows.find((r) => r[h!.indexOf('事例ID')] === change.id)![h!.indexOf(change.header!)] = change.value!;
  const part = readFileSync('data/survey/participation.csv', 'utf8') + (change.participation ?? []).map((l) => `${l}\n`).join('');
  const r = processSurvey({ cases: new TextEncoder().encode(stringifyCsv(h!, rows)), participation: new TextEncoder().encode(part) }, ref);
  return r.ok ? [] : r.problems;
}

/** What must agree between the two imports (file names, rows and the column's Parquet name may differ). */
const FILES = /cases?\.(csv|parquet)|participation\.(csv|parquet)/g;
const same = (p: Problem) => ({ code: p.code.replace(/_parquet$/, ''), column: p.column.replace(/（.*）$/, ''), value: p.value, ja: p.ja.replaceAll(FILES, 'FILE'), en: p.en.replaceAll(FILES, 'FILE') });

describe('Parquet values: refused exactly like the same data as CSV', () => {
  it('accepts the build’s own files (all nine) with the counts and as-of date', async () => {
    expect(await parquetProblems({}, ALL)).toEqual([]);
  });

  const cases: [string, Record<string, string>, Parameters<typeof csvProblems>[0], Partial<Problem>][] = [
    ['an unknown prefecture code', { case: `SELECT * EXCLUDE (file_row_number) REPLACE (CASE WHEN case_id = 'C0003' THEN '99' ELSE prefecture_code END AS prefecture_code) FROM {t}` }, { id: 'C0003', header: '都道府県コード', value: '99' }, { row: 3, column: '都道府県コード（prefecture_code）', value: '99', ja: '不明な都道府県です' }],
    ['a participation row for a missing case', { participation: `SELECT * EXCLUDE (file_row_number) FROM {t} UNION ALL SELECT 'X9', '141003', 'synthetic'` }, { participation: ['X9,141003,合成データ'] }, { file: 'participation.parquet', row: 6058, value: 'X9', ja: 'case.parquet にない事例IDです' }],
    ['a bad start date (month 13)', { case: `SELECT * EXCLUDE (file_row_number) REPLACE (CASE WHEN case_id = 'C0004' THEN 13 ELSE start_month END AS start_month) FROM {t}` }, { id: 'C0004', header: '導入時期', value: '2021-13' }, { row: 4, value: '2021-13', code: 'month_out_of_range' }],
    ['a value outside the vocabulary', { case: `SELECT * EXCLUDE (file_row_number) REPLACE (CASE WHEN case_id = 'C0006' THEN 'クラウド' ELSE environment END AS environment) FROM {t}` }, { id: 'C0006', header: 'システム環境種別', value: 'クラウド' }, { row: 6, column: 'システム環境種別（environment）', code: 'unknown_value' }],
    ['a number out of range', { case: `SELECT * EXCLUDE (file_row_number) REPLACE (CASE WHEN case_id = 'C0002' THEN 999999 ELSE participant_count END AS participant_count) FROM {t}` }, { id: 'C0002', header: '参加自治体数', value: '999999' }, { row: 2, value: '999999' }],
    ['a municipality of another prefecture', { participation: `SELECT * EXCLUDE (file_row_number) REPLACE (CASE WHEN file_row_number = 0 THEN '131016' ELSE lg_code END AS lg_code) FROM {t}` }, { participation: [] }, { file: 'participation.parquet', row: 1, value: '131016', code: 'municipality_other_prefecture' }],
  ];
  for (const [name, change, csvChange, expected] of cases) {
    it(`refuses ${name} with the CSV’s message, at the file’s row`, async () => {
      const pq = await parquetProblems(change);
      expect(pq[0]).toMatchObject(expected);
      if (name.startsWith('a municipality')) return; // the CSV of this one is written below with its own row
      expect(pq.map(same)).toEqual(csvProblems(csvChange).map(same));
    });
  }

  it('a municipality of another prefecture: the same message as the CSV row that names it', async () => {
    const [first] = parseCsv(readFileSync('data/survey/participation.csv', 'utf8')).rows.slice(1);
    const lines = readFileSync('data/survey/participation.csv', 'utf8').split('\n');
    lines[1] = [first![0], '131016', first![2]].join(',');
    const r = processSurvey({ cases: readFileSync('data/survey/cases.csv'), participation: new TextEncoder().encode(lines.join('\n')) }, ref);
    const csv = r.ok ? [] : r.problems;
    const pq = await parquetProblems({ participation: `SELECT * EXCLUDE (file_row_number) REPLACE (CASE WHEN file_row_number = 0 THEN '131016' ELSE lg_code END AS lg_code) FROM {t}` });
    expect(csv.length).toBeGreaterThan(0);
    expect(pq.map(same)).toEqual(csv.map(same));
  });
});

describe('Parquet values: what only a Parquet file can get wrong', () => {
  const one = async (changes: Record<string, string>, tables = SURVEY) => (await parquetProblems(changes, tables))[0];
  /** A changed row is reported twice: where it is in the file, and (row 0) the row the validator expected instead. */
  const has = async (changes: Record<string, string>, expected: Partial<Problem>, tables = SURVEY) =>
    expect(await parquetProblems(changes, tables)).toContainEqual(expect.objectContaining(expected));
  it('an unknown system id, named by its column', async () => {
    expect(await one({ case: `SELECT * EXCLUDE (file_row_number) REPLACE (CASE WHEN case_id = 'C0002' THEN 'S99' ELSE system_id END AS system_id) FROM {t}` })).toMatchObject({ file: 'case.parquet', row: 2, column: 'system_id', value: 'S99', code: 'unknown_system_id' });
  });
  it('an answer state outside the four, and a state that disagrees with its value', async () => {
    expect(await one({ case: `SELECT * EXCLUDE (file_row_number) REPLACE (CASE WHEN case_id = 'C0001' THEN 'maybe' ELSE environment_state END AS environment_state) FROM {t}` })).toMatchObject({ row: 1, column: 'environment_state', value: 'maybe', code: 'bad_state' });
    expect(await one({ case: `SELECT * EXCLUDE (file_row_number) REPLACE (CASE WHEN case_id = 'C0005' THEN 'blank' ELSE environment_state END AS environment_state) FROM {t}` })).toMatchObject({ row: 5, column: 'environment', value: 'クラウドサービス', code: 'state_mismatch' });
  });
  it('a 5-digit municipality code (valid in a CSV) is not the stored form', async () => {
    await has({ participation: `SELECT * EXCLUDE (file_row_number) REPLACE (CASE WHEN file_row_number = 2 THEN left(lg_code, 5) ELSE lg_code END AS lg_code) FROM {t}` }, { file: 'participation.parquet', row: 3, code: 'not_normalised' });
  });
  it('a derived row missing or changed (case_subsidy), counts that disagree, a bad as_of', async () => {
    expect(await one({ case_subsidy: `SELECT * EXCLUDE (file_row_number) FROM {t} WHERE case_id <> 'C0001'` })).toMatchObject({ file: 'case_subsidy.parquet', row: 0, code: 'missing_row', value: 'C0001, デジタル基盤改革支援補助金, synthetic' });
    await has({ case_subsidy: `SELECT * EXCLUDE (file_row_number) REPLACE (CASE WHEN file_row_number = 1 THEN 'ほかの補助金' ELSE subsidy_name END AS subsidy_name) FROM {t}` }, { file: 'case_subsidy.parquet', row: 2, code: 'not_normalised', value: expect.stringContaining('ほかの補助金') });
    expect(await one({ dataset: `SELECT * EXCLUDE (file_row_number) REPLACE (7 AS synthetic_case_count) FROM {t}` })).toMatchObject({ file: 'dataset.parquet', column: 'synthetic_case_count', value: '7', code: 'count_mismatch' });
    expect(await one({ dataset: `SELECT * EXCLUDE (file_row_number) REPLACE (NULL::DATE AS as_of) FROM {t}` })).toMatchObject({ file: 'dataset.parquet', column: 'as_of', code: 'bad_as_of' });
    expect(await one({ dataset: `SELECT * EXCLUDE (file_row_number) REPLACE (DATE '1850-01-01' AS as_of) FROM {t}` })).toMatchObject({ value: '1850-01-01', code: 'bad_as_of' });
  });
  it('a reference table that is not the site’s', async () => {
    await has({ municipality: `SELECT * EXCLUDE (file_row_number) REPLACE (CASE WHEN file_row_number = 0 THEN 'どこか市' ELSE city_name END AS city_name) FROM {t}` }, { file: 'municipality.parquet', row: 1, code: 'reference_differs' }, ALL);
  });
  it('a wholly different table is reported in a bounded number of lines', async () => {
    const ps = await parquetProblems({ case_subsidy: `SELECT case_id, subsidy_name || '!' AS subsidy_name, provenance FROM {t}` });
    expect(ps.length).toBeLessThanOrEqual(52);
    expect(ps.filter((p) => p.ja.includes('ほか全'))).toEqual([expect.objectContaining({ file: 'case_subsidy.parquet', row: 0 })]);
  });
});
