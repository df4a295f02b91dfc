import { model } from '$model/kyodo-model';
import type { Clause } from '$lib/filter/clause';
import { compileQuery, compileRows } from '$lib/query/compile';
import type { CompileResult } from '$lib/query/spec';
import { SLICERS } from '../filter-registry';

/** Visual ids of the 市区町村の参加状況 page; each is also the source (URL parameter) of its clicks' clause. */
export const V = { tiles: 'pa-tiles', map: 'pa-map' } as const;
export const FIELD = { tiles: 'cases.prefecture_code', map: 'participation.lg_code' } as const;

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

/** Every case the chosen municipalities take part in (whatever the system): 自治体を選択. */
export const municipalityCasesQuery = (filters: readonly Clause[]): CompileResult =>
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
    orderBy: [{ key: 'system_order' }, { key: 'case_id' }]
  });

const isMunicipalityClause = (c: Clause) => c.field === SLICERS.municipality.field;

/**
 * The tiles and the map show the chosen system's participation, so the municipality picker
 * (a slicer of the case list) does not filter them; a click on the map does (Power BI).
 */
export const withoutPicker = (clauses: readonly Clause[]) => clauses.filter((c) => c.source !== SLICERS.municipality.source);

/** The case list follows only the municipalities chosen (picker or map), not the system. */
export const municipalityClauses = (clauses: readonly Clause[]) => clauses.filter(isMunicipalityClause);
