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
  { source: 'ov-years', field: 'cases.start_year', kind: 'in', valueType: 'integer' }
];

export const REGISTRY: readonly UrlFilter[] = [...Object.values(SLICERS), ...VISUAL_FILTERS];

/** The URL parameter that pins a link to the data it was made with. */
export const AS_OF_PARAM = 'asof';

/** All filters and selections a page URL carries, as plain clauses. Browser only. */
export function clausesFromUrl(url: URL): Clause[] {
  return decodeFilters(url.searchParams, REGISTRY);
}
