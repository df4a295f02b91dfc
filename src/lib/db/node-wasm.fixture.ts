/**
 * DuckDB-WASM's Node build (the same glue and wasm as the browser's worker) loaded with the
 * shipped dataset in BrowserEngine.start's order: extension settings, inserts as Arrow, setup
 * SQL, lockdown. For tests that need the real engine rather than native DuckDB.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { tableToIPC, type Table } from 'apache-arrow';
import { dataset } from '../../../model/dataset';
import { LOCKDOWN_SQL } from './lockdown';
import { parquetToArrow } from './parquet-to-arrow';

/** DuckDB's pending-query protocol, which streaming-query.ts drives (through the worker) in the browser. */
export interface PendingQueryBindings {
  startPendingQuery(conn: number, sql: string, allowStreamResult: boolean): Uint8Array | null;
  pollPendingQuery(conn: number): Uint8Array | null;
  fetchQueryResults(conn: number): Uint8Array | null;
  cancelPendingQuery(conn: number): boolean;
}

/** A blocking connection of the Node build. */
export interface NodeWasmConn {
  query(sql: string): Table;
  useUnsafe<T>(f: (bindings: PendingQueryBindings, conn: number) => T): T;
  insertArrowFromIPCStream(ipc: Uint8Array, o: { name: string; create: boolean }): void;
}

export const DUCKDB_DIST = 'node_modules/@duckdb/duckdb-wasm/dist/';
const duckdb = createRequire(import.meta.url)('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');

/**
 * A started engine on `eh` (null: the mvp fallback only). `catalog`: the catalog SQL at start
 * with the setup SQL (the console's instance), or after the lockdown.
 */
export async function startNodeWasm(eh: string | null = `${DUCKDB_DIST}duckdb-eh.wasm`, catalog: 'at-start' | 'after-lockdown' = 'at-start'): Promise<NodeWasmConn> {
  const bundles = { mvp: { mainModule: `${DUCKDB_DIST}duckdb-mvp.wasm`, mainWorker: '' }, ...(eh ? { eh: { mainModule: eh, mainWorker: '' } } : {}) };
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate();
  db.open({});
  const conn: NodeWasmConn = db.connect();
  conn.query(`SET custom_extension_repository = 'http://127.0.0.1:9/duckdb-extensions'`);
  conn.query('SET autoinstall_known_extensions = false');
  for (const t of dataset.tables) {
    const b = readFileSync(join('static/data', t.file));
    const table = await parquetToArrow(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer, t.file);
    conn.insertArrowFromIPCStream(tableToIPC(table, 'stream'), { name: t.name, create: true });
  }
  const catalogSql = dataset.catalogSql ?? [];
  conn.query([...dataset.setupSql, ...(catalog === 'at-start' ? catalogSql : [])].join(';\n'));
  conn.query(LOCKDOWN_SQL.join(';\n'));
  if (catalog === 'after-lockdown') conn.query(catalogSql.join(';\n'));
  return conn;
}
