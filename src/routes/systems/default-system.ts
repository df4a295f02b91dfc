import type { Clause } from '$lib/filter/clause';
import { SLICERS } from '../filter-registry';

/**
 * The system pages always show one system, as the published ones do: with no `sys` in the
 * URL they show 自治体情報セキュリティクラウド (S01), the published default. The default is
 * not written to the URL, so a bare link stays bare.
 */
export const DEFAULT_SYSTEM_ID = 'S01';

export function systemClause(id: string): Clause {
  return { source: SLICERS.system.source, field: SLICERS.system.field, predicate: { kind: 'in', values: [id] } };
}

/** The page's clauses with the default system added when no system is chosen. */
export function withDefaultSystem(clauses: readonly Clause[]): Clause[] {
  return clauses.some((c) => c.source === SLICERS.system.source) ? [...clauses] : [...clauses, systemClause(DEFAULT_SYSTEM_ID)];
}

/** The chosen system id (the default when none). */
export function chosenSystem(clauses: readonly Clause[]): string {
  const c = clauses.find((x) => x.source === SLICERS.system.source);
  const v = c?.predicate.kind === 'in' ? c.predicate.values[0] : undefined;
  return typeof v === 'string' ? v : DEFAULT_SYSTEM_ID;
}
