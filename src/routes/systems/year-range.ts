import type { Clause } from '$lib/filter/clause';

export type YearRange = { min: number; max: number };

/** The closed range a source's range clause holds (open ends are not produced by this page's brush). */
export function rangeOf(clauses: readonly Clause[], source: string): YearRange | null {
  const p = clauses.find((c) => c.source === source)?.predicate;
  if (p?.kind !== 'range' || p.min === null || p.max === null) return null;
  return { min: p.min, max: p.max };
}

/**
 * Keyboard selection of a year bar, like a click: a plain pick selects that year alone (or
 * clears it if it was the whole selection); an additive pick stretches the range to it.
 */
export function pickYear(current: YearRange | null, year: number, additive: boolean): YearRange | null {
  if (additive && current) return { min: Math.min(current.min, year), max: Math.max(current.max, year) };
  if (current && current.min === year && current.max === year) return null;
  return { min: year, max: year };
}

export const inRange = (r: YearRange | null, year: number) => r === null || (year >= r.min && year <= r.max);
