import { model } from '$model/kyodo-model';
import type { Clause } from '$lib/filter/clause';
import { compileQuery } from '$lib/query/compile';

export interface MeasureDefinition {
  label: string;
  description: string;
  /** The SQL that reproduces the number under the page's current filters. */
  sql: string;
}

/** 「この数値の定義」 for a KPI: the measure's description and its SQL under `filters`. */
export function measureDefinition(name: string, filters: readonly Clause[]): MeasureDefinition | undefined {
  const m = model.measures.find((x) => x.name === name);
  const compiled = compileQuery(model, { measures: [name], filters });
  if (!m || !compiled.ok) return undefined;
  return { label: m.label, description: m.description, sql: compiled.sql };
}
