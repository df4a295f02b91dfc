import { dataset } from '$model/dataset';
import { NativeEngine } from '$lib/db/native-engine';
import type { Row } from '$lib/db/types';
import type { CompileResult } from '$lib/query/spec';
import { kpiQuery, prefecturesQuery, systemsQuery, yearsQuery } from './overview-queries';

/**
 * Build time only (prerender): the default view's figures, computed by native DuckDB from
 * the same Parquet, views, model and compiler the browser uses, are baked into the HTML.
 */
export const prerender = true;

async function run(engine: NativeEngine, compiled: CompileResult): Promise<Row[]> {
  if (!compiled.ok) throw new Error(compiled.error);
  return engine.query(compiled.sql);
}

export async function load() {
  const engine = await NativeEngine.open(dataset, 'static/data');
  // One native connection: run in sequence.
  const kpi = await run(engine, kpiQuery([]));
  const systems = await run(engine, systemsQuery([]));
  const prefectures = await run(engine, prefecturesQuery([]));
  const years = await run(engine, yearsQuery([]));
  return { kpi, systems, prefectures, years };
}
