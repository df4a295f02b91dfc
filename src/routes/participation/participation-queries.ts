import { model } from '$model/kyodo-model';
import type { Clause } from '$lib/filter/clause';
import { compileQuery, compileRows } from '$lib/query/compile';
import { NO_SCOPE, PAGE_SCOPE, type Bindings } from '$lib/query/query-binding';
import type { CompileResult } from '$lib/query/spec';
import { kpiQuery } from '../overview-queries';
import { countQuery } from '../cases/case-queries';
import { PAGE_SIZE } from '../page-size';

import { selectField } from '$lib/filter/page-context';
import { participationPage, V } from './participation-page';
export { V };
export const FIELD = { tiles: selectField(participationPage, V.tiles), map: selectField(participationPage, V.map) };

/** Per prefecture: cases (an answer exists) and distinct participating municipalities. */
export const prefectureQuery = (filters: readonly Clause[]): CompileResult =>
  compileQuery(model, {
    measures: ['case_count', 'municipality_count'],
    dimensions: ['prefecture.prefecture_code'],
    filters,
    orderBy: [{ key: 'prefecture_code' }]
  });

/** The participating municipalities (one row each). */
export const participantsQuery = (filters: readonly Clause[]): CompileResult =>
  compileQuery(model, { measures: ['municipality_count'], dimensions: ['participation.lg_code'], filters, orderBy: [{ key: 'lg_code' }] });

/** All 1,741 municipalities: the map's rows and the picker's options. */
export const municipalitiesQuery = (): CompileResult =>
  compileRows(model, {
    from: 'municipality',
    columns: ['municipality.lg_code', 'municipality.prefecture_code', 'municipality.display_name'],
    orderBy: [{ key: 'lg_code' }]
  });

/** Every case the chosen municipalities take part in (whatever the system): 自治体を選択, a page at a time (page from 0). */
export const municipalityCasesQuery = (filters: readonly Clause[], page = 0): CompileResult =>
  compileRows(model, {
    from: 'cases',
    columns: [
      'cases.case_id',
      'system.division',
      'system.system_name',
      'prefecture.prefecture_name',
      'cases.service_name',
      'cases.start_display',
      'cases.participant_count',
      'system.system_order'
    ],
    filters,
    orderBy: [{ key: 'system_order' }, { key: 'case_id' }],
    limit: PAGE_SIZE,
    offset: page * PAGE_SIZE
  });

/** The prerendered part of the page (KPIs, tiles): also what its one-click figures cover. */
export const participationFigureBindings = {
  kpi: { scope: PAGE_SCOPE, compile: kpiQuery },
  tiles: { scope: V.tiles, compile: prefectureQuery }
} satisfies Bindings;

/**
 * The page's queries, declared once (the map and the lists need the engine: too many rows to
 * prerender). The municipalities' case list itself is read a page at a time by the page
 * (municipalityCasesQuery with its page index); `muniCount` counts it for the pager.
 */
export const participationBindings = {
  ...participationFigureBindings,
  mapPrefs: { scope: V.map, compile: prefectureQuery },
  mapJoined: { scope: V.map, compile: participantsQuery },
  municipalities: { scope: NO_SCOPE, compile: () => municipalitiesQuery() },
  muniCount: { scope: V.municipalityCases, compile: countQuery }
} satisfies Bindings;
