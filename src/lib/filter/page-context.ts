import type { Clause } from './clause';
import type { FilterContext } from './filter-context';
import type { ParamSpec } from './url-codec';

/**
 * A page declared as data: its slicers, its visuals (each with the selection its clicks
 * make and its filter scope), its defaults and what its visuals say when empty. Everything
 * else — the URL parameters, the effective filter context that KPIs, visuals, the filter bar
 * and the download read, each visual's filters — derives from this one value.
 */
export interface VisualScope {
  /** Sources whose clauses do not filter this visual (its own selection never does). */
  ignore?: readonly string[];
  /** If given, only these sources filter this visual. */
  only?: readonly string[];
}

export interface VisualDecl {
  /** Visual id; also the clause source and URL parameter of its selection. */
  id: string;
  /** What a person calls it (its title; the filter bar's label for its selection). */
  label: string;
  /** The selection its clicks make; absent for a visual that cannot be clicked. */
  select?: Omit<ParamSpec, 'source' | 'label'>;
  scope?: VisualScope;
}

export interface PageDecl {
  slicers: readonly ParamSpec[];
  visuals: readonly VisualDecl[];
  /** Clauses that apply while their source has none (never written to the URL). */
  defaults?: readonly Clause[];
  /** What its visuals say when no row matches their filters (naming what the page counts); absent, their generic words. */
  empty?: string;
}

/** Every URL parameter of the page: its slicers, then its visuals' selections. */
export function pageParams(page: PageDecl): ParamSpec[] {
  return [
    ...page.slicers,
    ...page.visuals.flatMap((v) => (v.select ? [{ ...v.select, source: v.id, label: v.label }] : []))
  ];
}

/** The page's filter context as everything on it reads it: the clauses, then the defaults not overridden. */
export function effectiveContext(page: PageDecl, ctx: FilterContext): Clause[] {
  const own = ctx.filter((c) => !c.isDefault);
  const defaults = (page.defaults ?? []).filter((d) => !own.some((c) => c.source === d.source)).map((d) => ({ ...d, isDefault: true }));
  return [...own, ...defaults];
}

/** The scope resolver: the clauses of `effective` that filter `id` (a visual never filters itself). */
export function scopedFilters(page: PageDecl, effective: readonly Clause[], id: string): Clause[] {
  const scope = page.visuals.find((v) => v.id === id)?.scope;
  return effective.filter(
    (c) => c.source !== id && !(scope?.ignore ?? []).includes(c.source) && (!scope?.only || scope.only.includes(c.source))
  );
}

/** Sources of the page's clickable visuals (Esc clears these, slicers stay). */
export const selectionSources = (page: PageDecl) => page.visuals.filter((v) => v.select).map((v) => v.id);

/** The field a declared visual's clicks select (throws for an undeclared or unclickable id: a wiring bug). */
export function selectField(page: PageDecl, id: string): string {
  const field = page.visuals.find((v) => v.id === id)?.select?.field;
  if (!field) throw new Error(`visual ${id} is not declared as selectable`);
  return field;
}

/** A declared visual's label (its title). */
export function visualLabel(page: PageDecl, id: string): string {
  const label = page.visuals.find((v) => v.id === id)?.label;
  if (!label) throw new Error(`visual ${id} is not declared`);
  return label;
}
