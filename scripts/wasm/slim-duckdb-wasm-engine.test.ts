/**
 * The slim duckdb-eh.wasm (slim-duckdb-wasm.js) runs the site as DuckDB's untouched file does,
 * in DuckDB-WASM's Node build (the same glue and wasm as the browser's worker): the project's
 * real start-up (Parquet inserted as Arrow, views, aggregation tables, catalog, lockdown), every
 * page query under random filters, the console's examples, a streamed result stopped half-way,
 * and errors — a C++ exception that crosses wasm → JS must come back as the same error, and the
 * engine must answer the next statement. The oracle is the untouched file in the same process.
 */
import { RecordBatchReader } from 'apache-arrow';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { arrowToRows } from '../../src/lib/db/arrow-rows';
import { LOCKDOWN_CHECK_SQL, lockdownHolds } from '../../src/lib/db/lockdown';
import { startNodeWasm, type NodeWasmConn as Conn } from '../../src/lib/db/node-wasm.fixture';
import type { Clause } from '../../src/lib/filter/clause';
import type { Bindings } from '../../src/lib/query/query-binding';
import { EXAMPLES } from '../../src/routes/console/examples';
import { overviewBindings } from '../../src/routes/overview-queries';
import { participationBindings } from '../../src/routes/participation/participation-queries';
import { systemsBindings } from '../../src/routes/systems/systems-queries';
import { model } from '../../model/kyodo-model';
import { SOURCE_WASM, slimDuckdbWasm } from './slim-duckdb-wasm.js';

/** DuckDB-WASM on `eh` (the mvp bundle as the fallback), started as BrowserEngine.start does, catalog included (the console's instance). */
const started = (eh: string | null) => startNodeWasm(eh);

/** Rows and column types, or the error's message: what a page or the console gets back. */
function outcome(conn: Conn, sql: string): { rows: unknown[]; types: string } | { error: string } {
  try {
    const t = conn.query(sql);
    return { rows: arrowToRows(t), types: t.schema.fields.map((f) => `${f.name}:${f.type}`).join(',') };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

const PAGES: Bindings[] = [overviewBindings, systemsBindings, participationBindings];
const FIELDS = [...new Set([...model.slicers.map((s) => s.field), 'cases.system_id', 'cases.prefecture_code', 'participation.lg_code', 'cases.environment'])];

let slim: Conn;
let untouched: Conn;
const values: Record<string, (string | number | null)[]> = {};

beforeAll(async () => {
  const path = await slimDuckdbWasm({ log: () => {} }); // from node_modules/.cache after the first run (≈ 20–30 s on a fresh clone)
  [slim, untouched] = [await started(path), await started(SOURCE_WASM)];
  for (const f of FIELDS) {
    const [t, c] = f.split('.');
    values[f] = arrowToRows(untouched.query(`SELECT DISTINCT "${c}" AS v FROM "${t}" ORDER BY 1 LIMIT 40`)).map((r) => r.v as string | number | null);
    values[f]!.push('none');
  }
}, 180_000);

describe('the slim duckdb-eh.wasm in DuckDB-WASM', () => {
  it('starts the site: tables, views, aggregation tables, catalog and lockdown, as the untouched file', () => {
    expect(lockdownHolds(arrowToRows(slim.query(LOCKDOWN_CHECK_SQL))[0]!)).toBe(true);
    const schema = `SELECT table_name, column_name, data_type, comment FROM duckdb_columns() WHERE NOT internal ORDER BY ALL`;
    const measures = 'SELECT * FROM model_catalog.measures ORDER BY ALL';
    for (const sql of [schema, measures]) {
      const got = outcome(slim, sql);
      expect('rows' in got && got.rows.length).toBeGreaterThan(3);
      expect(got).toEqual(outcome(untouched, sql));
    }
  });

  it("answers every page's queries under random filters, and the console's examples, exactly as the untouched file", () => {
    const arbClause = fc.constantFrom(...FIELDS).chain((field) =>
      fc.subarray(values[field]!, { maxLength: 4 }).map((vs): Clause => ({ source: 't', field, predicate: { kind: 'in', values: vs } }))
    );
    let compared = 0;
    fc.assert(
      fc.property(fc.array(arbClause, { maxLength: 3 }), (filters) => {
        for (const page of PAGES)
          for (const b of Object.values(page)) {
            const q = b.compile(filters);
            if (!q.ok) continue;
            expect(outcome(slim, q.sql), q.sql).toEqual(outcome(untouched, q.sql));
            compared++;
          }
      }),
      { numRuns: 25, seed: 20240131 }
    );
    expect(compared).toBeGreaterThan(100);
    for (const e of EXAMPLES) {
      const got = outcome(slim, e.sql);
      expect('rows' in got, e.label).toBe(true);
      expect(got, e.label).toEqual(outcome(untouched, e.sql));
    }
  }, 120_000);

  it('returns SQL errors (C++ exceptions crossing into JS) as the same errors, and keeps answering', () => {
    const failing = [
      'SELEC 1',
      'SELECT * FROM no_such_table',
      "SELECT 'x'::INTEGER",
      "SELECT error('boom')",
      'SELECT 2147483647::INTEGER + 1',
      // Thrown in the middle of a scan, after 400,000 rows.
      "SELECT count(*) FROM range(1000000) t(i) WHERE (CASE WHEN i = 400000 THEN 'x' ELSE i::VARCHAR END)::BIGINT >= 0",
      "SELECT * FROM read_csv('/etc/hostname')",
      'SET lock_configuration = false',
      'LOAD json',
      'CREATE TABLE cases (x INTEGER)'
    ];
    for (const sql of failing) {
      const got = outcome(slim, sql);
      expect('error' in got, sql).toBe(true);
      expect(got, sql).toEqual(outcome(untouched, sql));
      expect(outcome(slim, 'SELECT 42 AS x')).toEqual({ rows: [{ x: 42 }], types: 'x:Int32' });
    }
    // Random statements from SQL words and bits of the model: mostly errors of every stage (parser, binder, executor).
    const words = ['SELECT', 'FROM', 'WHERE', 'GROUP BY', 'ORDER BY', 'cases', 'system', 'prefecture', 'participation', '*', 'count(*)', '1/0', "'x'", 'NULL', '(', ')', ',', '::INTEGER', '::DATE', 'JOIN', 'USING (system_id)', 'LIMIT', '-1', 'sum(participant_count)', 'error(\'e\')', 'UNION ALL', 'range(3)'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 12 }), (ws) => {
        const sql = ws.join(' ');
        expect(outcome(slim, sql), sql).toEqual(outcome(untouched, sql));
      }),
      { numRuns: 300, seed: 20240131 }
    );
    expect(outcome(slim, 'SELECT count(*)::INTEGER AS n FROM cases')).toEqual(outcome(untouched, 'SELECT count(*)::INTEGER AS n FROM cases'));
  }, 120_000);

  it('streams a result batch by batch, and a stream cancelled half-way leaves the engine answering', () => {
    /** Four Arrow messages of a 3,000,000-row result, then a cancel: what the console does at its row cap. */
    const streamed = (conn: Conn) => {
      const { chunks, cancel } = conn.useUnsafe((db, id) => {
        let header = db.startPendingQuery(id, 'SELECT i, i::VARCHAR AS s FROM range(3000000) t(i)', true);
        while (header === null) header = db.pollPendingQuery(id);
        const chunks = [header];
        while (chunks.length < 4) {
          const chunk = db.fetchQueryResults(id);
          if (chunk?.length) chunks.push(chunk);
        }
        return { chunks, cancel: db.cancelPendingQuery(id) };
      });
      const batches = [...RecordBatchReader.from(chunks)];
      return { cancel, rows: batches.reduce((n, b) => n + b.numRows, 0), first: batches[0]!.get(0)?.toJSON() };
    };
    const got = streamed(slim);
    expect(got.rows).toBeGreaterThan(0);
    expect(got.rows).toBeLessThan(3_000_000);
    expect(got.first).toEqual({ i: 0n, s: '0' });
    expect(got).toEqual(streamed(untouched));
    expect(outcome(slim, 'SELECT 42 AS x')).toEqual({ rows: [{ x: 42 }], types: 'x:Int32' });
  }, 60_000);

  it('leaves the mvp fallback (DuckDB’s untouched duckdb-mvp.wasm) working', async () => {
    const mvp = await started(null);
    const sql = 'SELECT * FROM model_catalog.measures ORDER BY ALL';
    expect(outcome(mvp, sql)).toEqual(outcome(untouched, sql));
  }, 120_000);
});
