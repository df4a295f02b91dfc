import type { PageDecl } from '$lib/filter/page-context';
import { COMMON_SLICERS } from '../filter-registry';

/**
 * 都道府県ごと (/prefectures), declared once. One visual, the matrix, with two kinds of click
 * — a system (row header) and a prefecture (column header) — each its own selection; the
 * matrix is filtered by neither (Power BI: a visual is not filtered by its own selection).
 * The case list shows the whole context.
 */
export const V = { systems: 'pf-sys', prefectures: 'pf-pref', cases: 'pf-cases' } as const;

export const prefecturesPage: PageDecl = {
  slicers: COMMON_SLICERS,
  visuals: [
    { id: V.systems, label: 'システム（表で選択）', select: { field: 'cases.system_id', kind: 'in', valueType: 'string' }, scope: { ignore: [V.prefectures] } },
    { id: V.prefectures, label: '都道府県（表で選択）', select: { field: 'cases.prefecture_code', kind: 'in', valueType: 'string' }, scope: { ignore: [V.systems] } },
    { id: V.cases, label: '都道府県の事例' }
  ]
};
