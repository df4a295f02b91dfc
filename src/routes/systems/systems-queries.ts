import { model } from '$model/kyodo-model';
import type { Clause } from '$lib/filter/clause';
import { compileQuery, compileRows } from '$lib/query/compile';
import { PAGE_SCOPE, type Bindings } from '$lib/query/query-binding';
import type { CompileResult } from '$lib/query/spec';

import { selectField } from '$lib/filter/page-context';
import { systemsPage, V } from './systems-page';
export { V };

/** The field each visual's selection filters on (from the page's declarations). */
export const FIELD = {
  environment: selectField(systemsPage, V.environment),
  burden: selectField(systemsPage, V.burden),
  subsidy: selectField(systemsPage, V.subsidy),
  years: selectField(systemsPage, V.years),
  prefectures: selectField(systemsPage, V.prefectures)
};

import { kpiQuery } from '../overview-queries';
import { countQuery } from '../cases/case-queries';
import { PAGE_SIZE } from '../page-size';
export { kpiQuery };

/** One donut: cases and their share by an answer column (non-answers are categories of their own). */
export const answerQuery = (field: string, filters: readonly Clause[]): CompileResult =>
  compileQuery(model, { measures: ['case_count', 'case_share'], dimensions: [field], filters, orderBy: [{ key: 'case_count', desc: true }] });

/** Each subsidy name once, with how many cases used it (the model's subsidy_case_count). */
export const subsidyNamesQuery = (filters: readonly Clause[]): CompileResult =>
  compileQuery(model, {
    measures: ['subsidy_case_count'],
    dimensions: ['case_subsidy.subsidy_name'],
    filters,
    orderBy: [{ key: 'subsidy_case_count', desc: true }, { key: 'subsidy_name' }]
  });

export const yearsQuery = (filters: readonly Clause[]): CompileResult =>
  compileQuery(model, {
    measures: ['case_count'],
    dimensions: ['cases.start_year'],
    // Only answered years have a place on the axis; 不明 etc. stay out of the histogram.
    filters,
    // Only answered years have a place on the axis (a blank 導入時期 has no year).
    nonNullDimensions: true,
    orderBy: [{ key: 'start_year' }]
  });

/**
 * One row per case: the published 都道府県名 / 参加自治体数 (全自治体数) / 調達の効果に関するコメント
 * table, a page at a time (page from 0; the survey's lists fit on the first page).
 */
export const prefectureCasesQuery = (filters: readonly Clause[], page = 0): CompileResult =>
  compileRows(model, {
    from: 'cases',
    columns: [
      'cases.case_id',
      'cases.prefecture_code',
      'prefecture.prefecture_name',
      'cases.service_name',
      'cases.participant_count',
      'prefecture.municipality_count',
      'cases.effect'
    ],
    filters,
    orderBy: [{ key: 'prefecture_code' }, { key: 'case_id' }],
    limit: PAGE_SIZE,
    offset: page * PAGE_SIZE
  });

/** The page's queries but the paged list (the page reads that one with its page index). */
export const systemsLiveBindings = {
  kpi: { scope: PAGE_SCOPE, compile: kpiQuery },
  environment: { scope: V.environment, compile: (f: readonly Clause[]) => answerQuery(FIELD.environment, f) },
  burden: { scope: V.burden, compile: (f: readonly Clause[]) => answerQuery(FIELD.burden, f) },
  subsidy: { scope: V.subsidy, compile: (f: readonly Clause[]) => answerQuery(FIELD.subsidy, f) },
  subsidyNames: { scope: V.subsidyNames, compile: subsidyNamesQuery },
  years: { scope: V.years, compile: yearsQuery },
  /** How many cases the prefecture table lists (the model's case_count under its filters): its pager. */
  prefectureCount: { scope: V.prefectures, compile: countQuery }
} satisfies Bindings;

/** The page's queries, declared once: prerendered and one-click figures derive from these (the table's first page). */
export const systemsBindings = {
  ...systemsLiveBindings,
  prefectures: { scope: V.prefectures, paged: true, compile: (f: readonly Clause[]) => prefectureCasesQuery(f) }
} satisfies Bindings;
