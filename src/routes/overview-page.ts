import { YEAR_BOUNDS } from '$model/kyodo-model';
import type { PageDecl } from '$lib/filter/page-context';
import { COMMON_SLICERS } from './filter-registry';
import { NO_CASES } from './no-cases';

/**
 * 共同調達の状況 (/), declared once: three bar charts that cross-filter each other (each
 * ignores only its own selection), the slicers any link may carry, no defaults. Its visuals
 * count cases: with none they say so in the 事例一覧's words.
 */
export const V = { systems: 'ov-systems', prefectures: 'ov-prefectures', years: 'ov-years' } as const;

export const overviewPage: PageDecl = {
  slicers: COMMON_SLICERS,
  empty: NO_CASES,
  visuals: [
    { id: V.systems, label: 'システム別の事例件数', select: { field: 'cases.system_id', kind: 'in', valueType: 'string' } },
    { id: V.prefectures, label: '都道府県別の事例件数', select: { field: 'cases.prefecture_code', kind: 'in', valueType: 'string' } },
    { id: V.years, label: '導入時期別の事例件数', select: { field: 'cases.start_year', kind: 'in', valueType: 'integer', bounds: YEAR_BOUNDS } }
  ]
};
