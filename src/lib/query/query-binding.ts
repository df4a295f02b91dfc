import type { Clause } from '../filter/clause';
import type { FilterContext } from '../filter/filter-context';
import { effectiveContext, scopedFilters, type PageDecl } from '../filter/page-context';
import type { CompileResult } from './spec';

/**
 * A page's query, declared once: what it is filtered by and how it compiles. The page's
 * live queries, its prerendered figures and its one-click figures all derive from these.
 * `scope`: 'page' = the whole effective context (KPIs), a visual id = that visual's scoped
 * filters (its declared scope; never its own selection), 'none' = never filtered.
 */
export interface QueryBinding {
  scope: string;
  compile: (filters: readonly Clause[]) => CompileResult;
  /** A list read a page at a time (LIMIT/OFFSET): left out of the one-click figures (click-states.ts). */
  paged?: boolean;
}

export type Bindings<K extends string = string> = Record<K, QueryBinding>;

export const PAGE_SCOPE = 'page';
export const NO_SCOPE = 'none';

/** The clauses of `effective` a binding with `scope` reads. */
export function bindingFilters(page: PageDecl, effective: readonly Clause[], scope: string): Clause[] {
  if (scope === PAGE_SCOPE) return [...effective];
  if (scope === NO_SCOPE) return [];
  return scopedFilters(page, effective, scope);
}

/** Every binding compiled under the filter context `ctx` (the page's defaults added). */
export function compileBindings<K extends string>(page: PageDecl, bindings: Bindings<K>, ctx: FilterContext): Record<K, CompileResult> {
  const effective = effectiveContext(page, ctx);
  const out = {} as Record<K, CompileResult>;
  for (const key of Object.keys(bindings) as K[]) out[key] = bindings[key].compile(bindingFilters(page, effective, bindings[key].scope));
  return out;
}
