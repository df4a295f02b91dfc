/**
 * sql/views.sql makes `cases` with the cost bands' labels looked up in a MAP rather than two
 * LEFT JOINs to raw_cost_band (the joins took DuckDB-WASM's heap from 16 to 48 MB; the MAP to
 * 28 MB: scripts/bench/wasm-heap-probe.ts). The table must stay what the joins made: same
 * column names and types, same rows (the stored order now raw_case's, see below), in native DuckDB (the oracle) and in
 * DuckDB-WASM's Node build (the browser's wasm), with the shipped data.
 */
import { describe, expect, it } from 'vitest';
import { dataset } from '../../../model/dataset';
import { NativeEngine } from './native-engine';
import { startNodeWasm } from './node-wasm.fixture';

/** The statement as it was (two LEFT JOINs), as the reference. */
const JOINED = `CREATE TABLE cases_joined AS
SELECT
  c.*,
  CASE c.start_state
    WHEN 'answered' THEN CAST(c.start_year AS VARCHAR) || CASE WHEN c.start_month IS NULL THEN '' ELSE '年' || c.start_month || '月' END
    ELSE answer_display(NULL, c.start_state) END AS start_display,
  answer_display(ib.band_label, c.initial_cost_band_state) AS initial_cost_band,
  answer_display(ab.band_label, c.annual_cost_band_state) AS annual_cost_band,
  answer_category(c.environment, c.environment_state) AS environment_answer,
  answer_category(c.pref_burden, c.pref_burden_state) AS pref_burden_answer,
  answer_category(c.subsidy, c.subsidy_state) AS subsidy_answer,
  answer_category(c.pref_adoption, c.pref_adoption_state) AS pref_adoption_answer,
  answer_category(c.selection_method, c.selection_method_state) AS selection_method_answer
FROM raw_case c
LEFT JOIN raw_cost_band ib ON ib.band_order = c.initial_cost_band_order
LEFT JOIN raw_cost_band ab ON ab.band_order = c.annual_cost_band_order`;

/** Rows of `a` not in `b`, duplicates counted (NULLs compare equal). */
const DIFF = (a: string, b: string) => `SELECT count(*)::INTEGER AS n FROM (SELECT * FROM ${a} EXCEPT ALL SELECT * FROM ${b})`;
/**
 * Stored order: the MAP keeps raw_case's order; the joins stored rows with a band match before
 * those without (DuckDB's left-join probe), so only an un-ORDERed `SELECT * FROM cases` (the
 * console) lists them differently — every dashboard query orders or aggregates.
 */
const SAME_ORDER_AS_RAW = `SELECT count(*)::INTEGER AS n FROM cases c JOIN (SELECT rowid AS r, case_id FROM raw_case) r ON r.r = c.rowid WHERE r.case_id <> c.case_id`;
const TYPES = (t: string) => `SELECT string_agg(column_name || ' ' || data_type, ', ' ORDER BY column_index) AS cols FROM duckdb_columns() WHERE table_name = '${t}'`;
/** What the comparison must see: the band labels themselves, shown and not. */
const BANDS = `SELECT count(*) FILTER (WHERE initial_cost_band NOT IN ('', '×', '-'))::INTEGER AS shown,
  count(*) FILTER (WHERE initial_cost_band_order IS NULL)::INTEGER AS no_band FROM cases`;

type Ask = (sql: string) => Promise<Record<string, unknown>[]>;

async function native(): Promise<Ask> {
  const e = await NativeEngine.open(dataset, 'static/data');
  return (sql) => e.query(sql);
}

async function wasm(): Promise<Ask> {
  const conn = await startNodeWasm(undefined, 'after-lockdown');
  return async (sql) => conn.query(sql).toArray().map((r) => r.toJSON() as Record<string, unknown>);
}

describe.each([
  ['native DuckDB', native],
  ['DuckDB-WASM', wasm]
])('cases with the band MAP equals the LEFT JOINs (%s)', (_name, open) => {
  it('same columns, types and rows, in raw_case order; and the comparison can fail', async () => {
    const ask = await open();
    await ask(JOINED);
    const bands = (await ask(BANDS))[0]!;
    expect(Number(bands.shown)).toBeGreaterThan(0);
    expect(Number(bands.no_band)).toBeGreaterThan(0);
    expect((await ask(TYPES('cases')))[0]!.cols).toBe((await ask(TYPES('cases_joined')))[0]!.cols);
    expect((await ask(DIFF('cases', 'cases_joined')))[0]!.n).toBe(0);
    expect((await ask(DIFF('cases_joined', 'cases')))[0]!.n).toBe(0);
    expect((await ask(SAME_ORDER_AS_RAW))[0]!.n).toBe(0);
    // Negative control: one band label changed makes the rows differ.
    await ask(`CREATE TABLE cases_changed AS SELECT * REPLACE (CASE WHEN rowid = (SELECT min(rowid) FROM cases WHERE initial_cost_band NOT IN ('', '×', '-')) THEN initial_cost_band || '!' ELSE initial_cost_band END AS initial_cost_band) FROM cases`);
    expect((await ask(DIFF('cases_changed', 'cases_joined')))[0]!.n).toBe(1);
  }, 60000);
});
