import { model } from '$model/kyodo-model';
import type { Clause } from '$lib/filter/clause';
import { compileQuery, compileRows } from '$lib/query/compile';
import type { CompileResult } from '$lib/query/spec';
import { countQuery } from '../cases/case-queries';
import { PAGE_SIZE } from '../page-size';
export { countQuery };

/**
 * The 都道府県ごと page has one visual, the matrix, with two kinds of click: a system (row
 * header) and a prefecture (column header). Each is its own clause source, and the matrix
 * ignores both (Power BI: a visual is not filtered by its own selection).
 */
import { selectField } from '$lib/filter/page-context';
import { prefecturesPage, V } from './prefectures-page';
export { V };
export const FIELD = { systems: selectField(prefecturesPage, V.systems), prefectures: selectField(prefecturesPage, V.prefectures) };

/** Cases per system × prefecture (only pairs that have one). */
export const matrixQuery = (filters: readonly Clause[]): CompileResult =>
  compileQuery(model, {
    measures: ['case_count'],
    dimensions: ['system.system_id', 'prefecture.prefecture_code'],
    filters,
    orderBy: [{ key: 'system_id' }, { key: 'prefecture_code' }]
  });

/** 都道府県数 per system. */
export const systemTotalsQuery = (filters: readonly Clause[]): CompileResult =>
  compileQuery(model, { measures: ['prefecture_count', 'case_count'], dimensions: ['system.system_id'], filters, orderBy: [{ key: 'system_id' }] });

/** The chosen prefecture's (or selection's) list of cases, a page at a time (page from 0). */
export const casesQuery = (filters: readonly Clause[], page = 0): CompileResult =>
  compileRows(model, {
    from: 'cases',
    columns: [
      'cases.case_id',
      'prefecture.prefecture_code',
      'prefecture.prefecture_name',
      'system.division',
      'system.system_name',
      'system.system_order',
      'cases.service_name',
      'cases.start_display',
      'cases.participant_count'
    ],
    filters,
    orderBy: [{ key: 'prefecture_code' }, { key: 'system_order' }, { key: 'case_id' }],
    limit: PAGE_SIZE,
    offset: page * PAGE_SIZE
  });
