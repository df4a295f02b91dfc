import { model } from '$model/kyodo-model';
import type { Clause } from '$lib/filter/clause';
import { compileQuery } from '$lib/query/compile';
import { PAGE_SCOPE, type Bindings } from '$lib/query/query-binding';
import type { CompileResult } from '$lib/query/spec';

import { selectField } from '$lib/filter/page-context';
import { overviewPage, V } from './overview-page';
export { V };

/** The field each visual's clicks filter on (from the page's declarations). */
export const FIELD = {
  systems: selectField(overviewPage, V.systems),
  prefectures: selectField(overviewPage, V.prefectures),
  years: selectField(overviewPage, V.years)
};

/** The page's KPIs: model measures, shown with their model labels and units. */
export const KPIS = ['case_count', 'prefecture_count', 'municipality_count'];

export const kpiQuery = (filters: readonly Clause[]): CompileResult => compileQuery(model, { measures: KPIS, filters });

export const systemsQuery = (filters: readonly Clause[]): CompileResult =>
  compileQuery(model, {
    measures: ['case_count'],
    dimensions: ['system.division', 'system.division_order', 'system.system_id', 'system.system_name', 'system.system_order'],
    filters,
    orderBy: [{ key: 'system_order' }]
  });

export const prefecturesQuery = (filters: readonly Clause[]): CompileResult =>
  compileQuery(model, {
    measures: ['case_count'],
    dimensions: ['prefecture.prefecture_code', 'prefecture.prefecture_name'],
    filters,
    orderBy: [{ key: 'prefecture_code' }]
  });

export const yearsQuery = (filters: readonly Clause[]): CompileResult =>
  compileQuery(model, {
    measures: ['case_count'],
    dimensions: ['cases.start_year'],
    filters,
    // Only answered years have a place on the axis (a blank 導入時期 has no year).
    nonNullDimensions: true,
    orderBy: [{ key: 'start_year' }]
  });

/** The page's queries, declared once: its live queries, prerendered and one-click figures derive from these. */
export const overviewBindings = {
  kpi: { scope: PAGE_SCOPE, compile: kpiQuery },
  systems: { scope: V.systems, compile: systemsQuery },
  prefectures: { scope: V.prefectures, compile: prefecturesQuery },
  years: { scope: V.years, compile: yearsQuery }
} satisfies Bindings;
