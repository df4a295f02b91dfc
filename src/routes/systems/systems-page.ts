import { YEAR_BOUNDS } from '$model/kyodo-model';
import type { PageDecl } from '$lib/filter/page-context';
import { COMMON_SLICERS, SLICERS } from '../filter-registry';
import { systemClause, DEFAULT_SYSTEM_ID } from './default-system';
import { ANSWERS } from './answers';
import { NO_CASES } from '../no-cases';

/**
 * システム種別ごと (/systems), declared once. The page shows ONE system (the system slicer
 * keeps one value; a link naming more is cut to the first, with a notice) and, with none
 * chosen, the published default 自治体情報セキュリティクラウド. Every visual ignores only its
 * own selection; the subsidy names cannot be clicked. Its visuals count cases: with none they
 * say so in the 事例一覧's words.
 */
export const V = {
  environment: 'sy-env',
  burden: 'sy-burden',
  subsidy: 'sy-subsidy',
  subsidyNames: 'sy-subsidy-names',
  years: 'sy-years',
  prefectures: 'sy-prefs'
} as const;

/** The system pages' slicers: the common ones, with one system at most. */
export const ONE_SYSTEM_SLICERS = COMMON_SLICERS.map((s) => (s.source === SLICERS.system.source ? { ...s, maxValues: 1 } : s));

const answer = (field: string, domain: readonly string[]) => ({ field, kind: 'in' as const, valueType: 'string' as const, domain });

export const systemsPage: PageDecl = {
  slicers: ONE_SYSTEM_SLICERS,
  defaults: [systemClause(DEFAULT_SYSTEM_ID)],
  empty: NO_CASES,
  visuals: [
    { id: V.environment, label: 'システム開発環境', select: answer('cases.environment_answer', ANSWERS.environment) },
    { id: V.burden, label: '都道府県による費用負担の有無', select: answer('cases.pref_burden_answer', ANSWERS.burden) },
    { id: V.subsidy, label: '補助金の有無', select: answer('cases.subsidy_answer', ANSWERS.subsidy) },
    { id: V.subsidyNames, label: '補助金の名称' },
    { id: V.years, label: 'システム導入時期（グラフで選択）', select: { field: 'cases.start_year', kind: 'range', valueType: 'integer', bounds: YEAR_BOUNDS } },
    { id: V.prefectures, label: '都道府県（表で選択）', select: { field: 'cases.prefecture_code', kind: 'in', valueType: 'string' } }
  ]
};
