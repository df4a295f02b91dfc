import { NativeEngine } from '../db/native-engine';
import type { DatasetSpec, Row } from '../db/types';
import type { CompileResult } from './spec';

/** A visual's prerendered answer, keyed by the SQL it answers (the SQL text is the cache key). */
export interface InitialFigures {
  sql: string;
  rows: Row[];
}

let engine: Promise<NativeEngine> | undefined;

/**
 * Build time only: runs each compiled query on native DuckDB over the same Parquet and
 * views the browser loads, so the figures are in the HTML before DuckDB-WASM starts.
 */
export async function initialFigures<K extends string>(
  dataset: DatasetSpec,
  dataDir: string,
  queries: Record<K, CompileResult>
): Promise<Record<K, InitialFigures>> {
  // DATA_DIR: build the site over another copy of the dataset (svelte.config.js, docs/performance.md).
  engine ??= NativeEngine.open(dataset, process.env.DATA_DIR ?? dataDir);
  const db = await engine;
  const out = {} as Record<K, InitialFigures>;
  // One native connection: run in sequence.
  for (const key of Object.keys(queries) as K[]) {
    const compiled = queries[key];
    if (!compiled.ok) throw new Error(`${key}: ${compiled.error}`);
    out[key] = { sql: compiled.sql, rows: await db.query(compiled.sql) };
  }
  return out;
}
