import type { Clause } from '$lib/filter/clause';
import { SLICERS } from '../filter-registry';

/**
 * The system pages always show one system, as the published ones do: with no `sys` in the
 * URL they show 自治体情報セキュリティクラウド (S01), the published default. It is a declared
 * default of those pages (systems-page.ts): it applies everywhere on the page and in its
 * download, and is not written to the URL, so a bare link stays bare.
 */
export const DEFAULT_SYSTEM_ID = 'S01';

export function systemClause(id: string): Clause {
  return { source: SLICERS.system.source, field: SLICERS.system.field, predicate: { kind: 'in', values: [id] } };
}

/** The system shown: the one in the page's effective context. */
export function chosenSystem(effective: readonly Clause[]): string {
  const c = effective.find((x) => x.source === SLICERS.system.source);
  const v = c?.predicate.kind === 'in' ? c.predicate.values[0] : undefined;
  return typeof v === 'string' ? v : DEFAULT_SYSTEM_ID;
}
