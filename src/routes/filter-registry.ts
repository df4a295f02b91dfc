import type { Clause } from '$lib/filter/clause';
import { decodeFilters, type UrlFilter } from '$lib/filter/url-state';

/**
 * Every filter a page can put in its URL: slicers (shared by name across pages) and
 * visual selections (named after the visual). The URL scheme is documented in README.md.
 */
export const SLICERS = {
  system: { source: 'sys', field: 'cases.system_id', kind: 'in', valueType: 'string' },
  prefecture: { source: 'pref', field: 'cases.prefecture_code', kind: 'in', valueType: 'string' },
  year: { source: 'year', field: 'cases.start_year', kind: 'range', valueType: 'integer' },
  municipality: { source: 'muni', field: 'participation.lg_code', kind: 'in', valueType: 'string' }
} as const satisfies Record<string, UrlFilter>;

/** Visual selections by page; each page module adds its visuals here. */
export const VISUAL_FILTERS: readonly UrlFilter[] = [
  { source: 'ov-systems', field: 'cases.system_id', kind: 'in', valueType: 'string' },
  { source: 'ov-prefectures', field: 'cases.prefecture_code', kind: 'in', valueType: 'string' },
  { source: 'ov-years', field: 'cases.start_year', kind: 'in', valueType: 'integer' },
  // システム種別ごと (routes/systems): donut slices, the year brush, prefecture rows.
  { source: 'sy-env', field: 'cases.environment_answer', kind: 'in', valueType: 'string' },
  { source: 'sy-burden', field: 'cases.pref_burden_answer', kind: 'in', valueType: 'string' },
  { source: 'sy-subsidy', field: 'cases.subsidy_answer', kind: 'in', valueType: 'string' },
  { source: 'sy-years', field: 'cases.start_year', kind: 'range', valueType: 'integer' },
  { source: 'sy-prefs', field: 'cases.prefecture_code', kind: 'in', valueType: 'string' },
  // 市区町村の参加状況 (routes/participation): prefecture tiles, municipality shapes.
  { source: 'pa-tiles', field: 'cases.prefecture_code', kind: 'in', valueType: 'string' },
  { source: 'pa-map', field: 'participation.lg_code', kind: 'in', valueType: 'string' },
  // 都道府県ごと (routes/prefectures): matrix rows (systems) and columns (prefectures).
  { source: 'pf-sys', field: 'cases.system_id', kind: 'in', valueType: 'string' },
  { source: 'pf-pref', field: 'cases.prefecture_code', kind: 'in', valueType: 'string' }
];

export const REGISTRY: readonly UrlFilter[] = [...Object.values(SLICERS), ...VISUAL_FILTERS];

/** The URL parameter that pins a link to the data it was made with. */
export const AS_OF_PARAM = 'asof';

/** All filters and selections a page URL carries, as plain clauses. Browser only. */
export function clausesFromUrl(url: URL): Clause[] {
  return decodeFilters(url.searchParams, REGISTRY);
}
