import { NativeEngine } from '../db/native-engine';
import type { DatasetSpec, Row } from '../db/types';
import type { PageDecl } from '../filter/page-context';
import type { ClickFiguresFile } from './click-figures.svelte';
import { oneClickQueries } from './click-states';
import { compileBindings, type Bindings } from './query-binding';
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

/**
 * Build time only: the answers of every one-click state of the page's default view
 * (click-states.ts), run on native DuckDB and keyed by SQL text — what a click is answered
 * with before DuckDB-WASM is ready.
 */
export async function oneClickFigures(dataset: DatasetSpec, dataDir: string, page: PageDecl, bindings: Bindings): Promise<ClickFiguresFile> {
  const initial = await initialFigures(dataset, dataDir, compileBindings(page, bindings, []));
  const rows = Object.fromEntries(Object.entries(initial).map(([k, v]) => [k, v.rows]));
  const { sql, errors } = oneClickQueries(page, bindings, rows);
  if (errors.length) throw new Error(`one-click states that do not compile: ${errors.join('; ')}`);
  const db = await engine!;
  const out: ClickFiguresFile = {};
  for (const s of sql) out[s] = await db.query(s);
  return out;
}
