import type { QueryEngine } from '../db/types';
import type { Clause } from '../filter/clause';
import type { PageDecl } from '../filter/page-context';
import type { InitialFigures } from './initial-figures';
import { LiveQuery } from './live-query.svelte';
import { bindingFilters, type Bindings } from './query-binding';

/**
 * One LiveQuery per declared binding of a page, each filtered as its scope says (call during
 * component initialisation). `initial` is the page's prerendered figures, by binding name.
 */
export function liveQueries<K extends string>(
  engine: () => QueryEngine | null,
  page: PageDecl,
  effective: () => readonly Clause[],
  bindings: Bindings<K>,
  initial: Partial<Record<NoInfer<K>, InitialFigures>> = {}
): Record<K, LiveQuery> {
  const out = {} as Record<K, LiveQuery>;
  for (const key of Object.keys(bindings) as K[]) {
    const b = bindings[key];
    out[key] = new LiveQuery(engine, () => b.compile(bindingFilters(page, effective(), b.scope)), initial[key]);
  }
  return out;
}
