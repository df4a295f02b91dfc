import type { Spec } from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { applyPatch, type JsonPatch } from './spec-patch';
import { specKey } from './spec-key';

/** Config every chart is compiled with (numbers as on Japanese government sites: 1,234 and 円). */
export const COMPILE_CONFIG = { locale: { number: { decimal: '.', thousands: ',', grouping: [3], currency: ['', '円'] } } };

/**
 * Vega specs compiled at build time (scripts/charts/precompile.ts through the Vite plugin in
 * vite.config.ts): a few base specs, and for each known Vega-Lite spec (by specKey) its base
 * and the patch that turns the base into its own compiled spec.
 */
export interface PrecompiledCharts {
  bases: Spec[];
  entries: Record<string, { base: number; patch: JsonPatch }>;
}

/** The compiled spec stored for a Vega-Lite spec, or null when the build did not see it. */
export function lookup(table: PrecompiledCharts, spec: TopLevelSpec): Spec | null {
  const entry = table.entries[specKey(spec)];
  return entry ? applyPatch(table.bases[entry.base]!, entry.patch) : null;
}

/**
 * A Vega-Lite spec as Vega from the build-time table, or null when the build did not see it
 * (a chart whose spec depends on something only the browser knows: embed-strict.ts then
 * hands the Vega-Lite spec to vega-embed, which brings vega-lite on first use).
 */
export async function precompiledVega(spec: TopLevelSpec): Promise<Spec | null> {
  const { default: table } = await import('virtual:precompiled-charts');
  return lookup(table, spec);
}
