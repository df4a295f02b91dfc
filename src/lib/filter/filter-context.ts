import type { Scalar } from '../sql/quote';
import { isEmptyClause, type Clause } from './clause';

/**
 * A filter context is the list of active clauses, at most one per source. All functions
 * are pure: they return a new context, which makes undo, URLs and tests trivial.
 */
export type FilterContext = readonly Clause[];

/** The clauses that filter `clientId`: everything except its own (Power BI cross-filter). */
export function filtersFor(ctx: FilterContext, clientId: string): Clause[] {
  return ctx.filter((c) => c.source !== clientId);
}

export function clauseOf(ctx: FilterContext, source: string): Clause | undefined {
  return ctx.find((c) => c.source === source);
}

/** Replaces the source's clause; an empty clause removes it. */
export function setClause(ctx: FilterContext, clause: Clause): FilterContext {
  const rest = ctx.filter((c) => c.source !== clause.source);
  return isEmptyClause(clause) ? rest : [...rest, clause];
}

export function clearSource(ctx: FilterContext, source: string): FilterContext {
  return ctx.filter((c) => c.source !== source);
}

/**
 * A click on a mark, with Power BI semantics: a plain click selects only that value, or
 * clears the selection if it was the only value selected; an additive (Ctrl/Shift) click
 * adds the value or takes it out.
 */
export function toggleValue(
  ctx: FilterContext,
  source: string,
  field: string,
  value: Scalar,
  label: string,
  additive: boolean
): FilterContext {
  const current = clauseOf(ctx, source);
  const values = current?.predicate.kind === 'in' && current.field === field ? current.predicate.values : [];
  const labels = current?.labels ?? values.map(String);
  const at = values.indexOf(value);
  let next: { values: Scalar[]; labels: string[] };
  if (additive) {
    next = at >= 0
      ? { values: values.filter((_, i) => i !== at), labels: labels.filter((_, i) => i !== at) }
      : { values: [...values, value], labels: [...labels, label] };
  } else {
    next = at >= 0 && values.length === 1 ? { values: [], labels: [] } : { values: [value], labels: [label] };
  }
  return setClause(ctx, { source, field, predicate: { kind: 'in', values: next.values }, labels: next.labels });
}

export function selectedValues(ctx: FilterContext, source: string): Scalar[] {
  const c = clauseOf(ctx, source);
  return c?.predicate.kind === 'in' ? c.predicate.values : [];
}
