import { readFileSync } from 'node:fs';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { dataset } from '../../model/dataset';
import { NativeEngine } from '../../src/lib/db/native-engine';
import type { CompileResult } from '../../src/lib/query/spec';

const dataDir = () => `${process.env.BUILD_DIR ?? 'build'}/data`;

/**
 * Native DuckDB over the same Parquet the site serves, running SQL the app's compiler
 * produced. Use it to check that the browser runs a query right (WASM vs native), NOT as
 * evidence that the query means the right thing — for that use `plain` below.
 */
let engine: Promise<NativeEngine> | undefined;
export async function direct(compiled: CompileResult) {
  if (!compiled.ok) throw new Error(compiled.error);
  engine ??= NativeEngine.open(dataset, dataDir());
  return (await engine).query(compiled.sql);
}

/**
 * The independent oracle: hand-written SQL over the Parquet files and the views of
 * sql/views.sql (the data's definition), opened here with @duckdb/node-api directly.
 * Nothing of src/lib (compiler, filter context, quoting) is involved.
 */
let conn: Promise<DuckDBConnection> | undefined;
async function open(): Promise<DuckDBConnection> {
  const c = await (await DuckDBInstance.create(':memory:')).connect();
  for (const f of ['prefecture', 'municipality', 'system', 'cost_band', 'case', 'participation', 'case_subsidy', 'case_cost_basis', 'dataset']) {
    await c.run(`CREATE TABLE raw_${f} AS SELECT * FROM read_parquet('${dataDir()}/${f}.parquet')`);
  }
  await c.run(readFileSync(new URL('../../sql/views.sql', import.meta.url), 'utf8'));
  return c;
}
export async function plain(sql: string): Promise<Record<string, unknown>[]> {
  conn ??= open();
  const rows = (await (await conn).runAndReadAll(sql)).getRowObjectsJS();
  return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));
}

/** A SQL string literal, written here on purpose (not src/lib/sql/quote). */
export const str = (v: string) => `'${v.replaceAll("'", "''")}'`;
