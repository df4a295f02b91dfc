import type { TopLevelSpec } from 'vega-lite';
import type { PeerRow } from './peer-rows';

/** The three click selections of the peer overview, as Vega signals (null = nothing selected). */
export const SIGNALS = { systems: 'sel_system', prefectures: 'sel_prefecture', years: 'sel_year' } as const;
export type PeerVisual = keyof typeof SIGNALS;

const FIELDS: Record<PeerVisual, string> = { systems: 'system_id', prefectures: 'prefecture_code', years: 'start_year' };

/** Vega expression: the row passes every selection except `own` (a visual never filters itself). */
function othersFilter(own: PeerVisual | null): string {
  const parts = (Object.keys(SIGNALS) as PeerVisual[])
    .filter((v) => v !== own)
    .map((v) => `(${SIGNALS[v]} === null || datum.${FIELDS[v]} === ${SIGNALS[v]})`);
  return parts.join(' && ') || 'true';
}

const params = () => (Object.values(SIGNALS) as string[]).map((name) => ({ name, value: null }));

/**
 * A bar chart of case counts computed by Vega-Lite's own transforms (filter + aggregate)
 * over all rows given as `values` — the way a dashboard without a database would do it.
 */
export function peerBarSpec(visual: PeerVisual, rows: PeerRow[]): TopLevelSpec {
  const cfg = {
    systems: { group: ['system_id', 'system_name', 'system_order'], label: 'system_name', sort: 'system_order', horizontal: true },
    prefectures: { group: ['prefecture_code', 'prefecture_name'], label: 'prefecture_name', sort: 'prefecture_code', horizontal: true },
    years: { group: ['start_year'], label: 'start_year', sort: 'start_year', horizontal: false }
  }[visual];
  const own = SIGNALS[visual];
  const cat = { field: cfg.label, type: 'nominal' as const, sort: { field: cfg.sort, op: 'min' as const }, title: null };
  const val = { field: 'case_count', type: 'quantitative' as const, title: '事例件数' };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    params: params(),
    data: { values: rows as unknown as Record<string, unknown>[] },
    transform: [
      ...(visual === 'years' ? [{ filter: 'datum.start_year !== null' }] : []),
      { filter: othersFilter(visual) },
      { aggregate: [{ op: 'count' as const, as: 'case_count' }], groupby: cfg.group }
    ],
    width: visual === 'years' ? 420 : 360,
    mark: { type: 'bar', cursor: 'pointer' },
    encoding: {
      [cfg.horizontal ? 'y' : 'x']: cat,
      [cfg.horizontal ? 'x' : 'y']: val,
      opacity: { condition: { test: `${own} === null || datum.${FIELDS[visual]} === ${own}`, value: 1 }, value: 0.3 },
      tooltip: [{ field: cfg.label }, { field: 'case_count' }]
    }
  } as TopLevelSpec;
}

/** The KPI tile: 事例件数 under every selection, also a Vega-Lite aggregate. */
export function peerCountSpec(rows: PeerRow[]): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    params: params(),
    data: { values: rows as unknown as Record<string, unknown>[] },
    transform: [{ filter: othersFilter(null) }, { aggregate: [{ op: 'count', as: 'case_count' }] }],
    mark: { type: 'text', fontSize: 28, align: 'left' },
    encoding: { text: { field: 'case_count', type: 'quantitative', format: ',' } },
    width: 200,
    height: 40
  } as TopLevelSpec;
}
