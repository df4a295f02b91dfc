/**
 * The two Parquet decoders of parquet-loader.ts (hyparquet below the size threshold,
 * parquet-wasm above it) must give DuckDB-WASM the same tables: same column types, same
 * rows, and every view of sql/views.sql the same contents. Run in DuckDB-WASM itself (its
 * Node build, the same wasm as the browser's) with the same insert calls the browser makes.
 * Files: the shipped survey, and a scaled dataset big enough to span several Parquet row
 * groups (and the threshold); parquet-wasm reads with small batches so appends are exercised.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableToIPC } from 'apache-arrow';
import * as pq from 'parquet-wasm/esm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataset } from '../../../model/dataset';
import { buildTables } from '../../../scripts/data/build-tables';
import { loadReference } from '../../../scripts/data/load-reference';
import { loadSurvey } from '../../../scripts/data/load-survey';
import { writeScaledParquet } from '../../../scripts/data/scale-dataset';
import { parquetIpcBatches } from './parquet-ipc-batches';
import { chooseDecoder, PARQUET_WASM_ABOVE_BYTES } from './parquet-loader';
import { parquetToArrow } from './parquet-to-arrow';

type Conn = {
  query(sql: string): { toArray(): { toJSON(): Record<string, unknown> }[] };
  insertArrowFromIPCStream(ipc: Uint8Array, o: { name: string; create: boolean }): void;
};
const require = createRequire(import.meta.url);
const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
const dist = 'node_modules/@duckdb/duckdb-wasm/dist/';
const work = mkdtempSync(join(tmpdir(), 'kyodo-decoders-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function wasmDb(): Promise<Conn> {
  const bundles = { mvp: { mainModule: `${dist}duckdb-mvp.wasm`, mainWorker: '' }, eh: { mainModule: `${dist}duckdb-eh.wasm`, mainWorker: '' } };
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate();
  db.open({});
  return db.connect();
}

const bytesOf = (path: string) => {
  const b = readFileSync(path);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};

/** Loads `dir` the way the browser does with one decoder, then runs the model's view SQL. */
async function load(dir: string, decoder: 'hyparquet' | 'parquet-wasm'): Promise<Conn> {
  const conn = await wasmDb();
  for (const t of dataset.tables) {
    const bytes = bytesOf(join(dir, t.file));
    if (decoder === 'hyparquet') conn.insertArrowFromIPCStream(tableToIPC(await parquetToArrow(bytes, t.file), 'stream'), { name: t.name, create: true });
    else {
      let create = true;
      for await (const ipc of parquetIpcBatches(pq, new Uint8Array(bytes), 5000)) {
        conn.insertArrowFromIPCStream(ipc, { name: t.name, create });
        create = false;
      }
    }
  }
  conn.query(dataset.setupSql.join(';\n'));
  return conn;
}

const rows = (conn: Conn, sql: string) => JSON.stringify(conn.query(sql).toArray().map((r) => r.toJSON()), (_, v) => (typeof v === 'bigint' ? `${v}n` : v));
const VIEWS = ['prefecture', 'municipality', 'system', 'cost_band', 'cases', 'case_subsidy', 'case_cost_basis', 'participation', 'dataset'];

let scaledDir: string;
beforeAll(async () => {
  pq.initSync({ module: readFileSync('node_modules/parquet-wasm/esm/parquet_wasm_bg.wasm') });
  const ref = loadReference('data/reference');
  const loaded = loadSurvey('data/survey', ref, 'survey');
  if (!loaded.ok) throw new Error('bundled survey invalid');
  scaledDir = mkdtempSync(join(work, 'scaled-'));
  // ≈ 150,000 participation rows: two Parquet row groups (DuckDB writes 122,880 rows per group).
  await writeScaledParquet(buildTables(ref, loaded.survey, 'bundled'), 6000, 7, scaledDir);
}, 60000);

describe.each([
  ['the shipped survey (static/data)', () => 'static/data'],
  ['a 6,000-case scaled dataset', () => scaledDir]
])('hyparquet and parquet-wasm load %s identically into DuckDB-WASM', (_, dir) => {
  let hy: Conn;
  let pw: Conn;
  beforeAll(async () => {
    hy = await load(dir(), 'hyparquet');
    pw = await load(dir(), 'parquet-wasm');
  }, 120000);

  it('every raw table has the same column names and types', () => {
    const sql = `SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_name LIKE 'raw_%' ORDER BY ALL`;
    const hyCols = rows(hy, sql);
    expect(new Set(JSON.parse(hyCols).map((c: { table_name: string }) => c.table_name)).size).toBe(dataset.tables.length);
    expect(rows(pw, sql)).toBe(hyCols);
    expect(hyCols).not.toContain('DECIMAL'); // our schema has none; if it ever does, this test must compare it
  });

  it.each(VIEWS)('view %s has the same rows', (view) => {
    const sql = `SELECT * FROM ${view} ORDER BY ALL`;
    const a = rows(hy, sql);
    expect(JSON.parse(a).length).toBeGreaterThan(0);
    expect(rows(pw, sql)).toBe(a);
  });
});

describe('parquetIpcBatches', () => {
  it('creates an empty table from a file with no rows (schema only)', async () => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const native = await (await DuckDBInstance.create(':memory:')).connect();
    const path = join(work, 'empty.parquet');
    await native.run(`COPY (SELECT 'a'::VARCHAR AS s, 1::INTEGER AS i, DATE '2024-01-31' AS d WHERE false) TO '${path}' (FORMAT parquet)`);
    const conn = await wasmDb();
    const streams: Uint8Array[] = [];
    for await (const ipc of parquetIpcBatches(pq, readFileSync(path))) streams.push(ipc);
    expect(streams).toHaveLength(1);
    conn.insertArrowFromIPCStream(streams[0]!, { name: 'empty', create: true });
    expect(rows(conn, `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'empty' ORDER BY ordinal_position`)).toBe(
      JSON.stringify([{ column_name: 's', data_type: 'VARCHAR' }, { column_name: 'i', data_type: 'INTEGER' }, { column_name: 'd', data_type: 'DATE' }])
    );
    expect(rows(conn, 'SELECT count(*)::INTEGER AS n FROM empty')).toBe('[{"n":0}]');
  });
});

describe('chooseDecoder', () => {
  it('keeps the survey on hyparquet and switches above the threshold', () => {
    const survey = readdirSync('static/data').filter((f) => f.endsWith('.parquet')).reduce((n, f) => n + readFileSync(join('static/data', f)).byteLength, 0);
    expect(chooseDecoder(survey)).toBe('hyparquet');
    expect(chooseDecoder(PARQUET_WASM_ABOVE_BYTES)).toBe('hyparquet');
    expect(chooseDecoder(PARQUET_WASM_ABOVE_BYTES + 1)).toBe('parquet-wasm');
  });
});
