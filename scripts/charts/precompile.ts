/**
 * Compiles the site's Vega-Lite chart specs to Vega at build time, so the browser needs only
 * `vega` + `vega-interpreter` for them (vega-lite loads only for a spec not seen here).
 * Prints the table (src/lib/charts/compile-vega.ts `PrecompiledCharts`) as JSON on stdout;
 * vite.config.ts serves it as `virtual:precompiled-charts`. Deterministic: same sources,
 * same output.
 *
 * Which specs: every chart of a page's default view, at every width VegaChart can ask for
 * (it measures in 40 px buckets). A spec that depends on something only the browser knows
 * (a brush range from the address, the map's relative asset URL) is compiled in the browser.
 */
import type { TopLevelSpec } from 'vega-lite';
import { compile } from 'vega-lite';
import { COMPILE_CONFIG, type PrecompiledCharts } from '../../src/lib/charts/compile-vega';
import { specKey } from '../../src/lib/charts/spec-key';
import { diffJson } from '../../src/lib/charts/spec-patch';
import * as overview from '../../src/routes/overview-charts';
import * as systems from '../../src/routes/systems/systems-charts';

/**
 * Vega-Lite warns, for every width of the grouped bar chart (a facet of layered bars and labels,
 * one band scale per 部門), that it unions the domain "of the same fields from different source"
 * and assumes they are forks of one data source. They are: both layers read the same field of
 * the same rows (bar-spec.test.ts checks the compiled scales; e2e overview the drawn panels).
 * That one message is dropped, not printed 61 times per build; any other is printed.
 */
const KNOWN = /faceted independent scales that union domain of the same fields from different source/;
type Logger = { level(l?: number): number | Logger; error(...a: unknown[]): Logger; warn(...a: unknown[]): Logger; info(...a: unknown[]): Logger; debug(...a: unknown[]): Logger };
const logger: Logger = {
  level: () => logger,
  error: (...a) => (console.error(...a), logger),
  warn: (...a) => (KNOWN.test(a.map(String).join(' ')) || console.warn(...a), logger),
  info: () => logger,
  debug: () => logger
};

/** How every spec is compiled here (and by precompile.test.ts, to compare). */
export const COMPILE_OPTIONS = { config: COMPILE_CONFIG as never, logger: logger as never };

/** VegaChart's width buckets (Math.floor(clientWidth / 40) * 40) up to a wide screen. */
export const WIDTHS = Array.from({ length: 61 }, (_, i) => i * 40);

const ofWidth = (f: (w: number) => TopLevelSpec) => WIDTHS.map(f);

/** One group per spec function: its specs share one base. */
export const SOURCES: Record<string, TopLevelSpec[]> = {
  'overview.system': ofWidth(overview.systemSpec),
  'overview.prefecture': ofWidth(overview.prefectureSpec),
  'overview.year': ofWidth(overview.yearSpec),
  'systems.environment': [systems.environmentSpec],
  'systems.burden': [systems.burdenSpec],
  'systems.subsidy': [systems.subsidySpec],
  'systems.years': [systems.yearsSpec(null)]
};

export function precompile(sources: Record<string, TopLevelSpec[]>): PrecompiledCharts {
  const table: PrecompiledCharts = { bases: [], entries: {} };
  for (const specs of Object.values(sources)) {
    const groupBases: number[] = [];
    // The widest first: the spec most screens get is a base, patched for nothing.
    for (const spec of [...specs].reverse()) {
      const key = specKey(spec);
      if (table.entries[key]) continue;
      const vega = compile(spec, COMPILE_OPTIONS).spec;
      const size = JSON.stringify(vega).length;
      let best: { base: number; patch: ReturnType<typeof diffJson> } | null = null;
      for (const b of groupBases) {
        const patch = diffJson(table.bases[b], vega);
        if (!best || JSON.stringify(patch).length < JSON.stringify(best.patch).length) best = { base: b, patch };
      }
      if (best && JSON.stringify(best.patch).length < size / 4) table.entries[key] = best;
      else {
        groupBases.push(table.bases.push(vega) - 1);
        table.entries[key] = { base: table.bases.length - 1, patch: [] };
      }
    }
  }
  return table;
}

if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write(JSON.stringify(precompile(SOURCES)));
