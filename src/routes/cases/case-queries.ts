import { model } from '$model/kyodo-model';
import type { Clause } from '$lib/filter/clause';
import { compileQuery, compileRows } from '$lib/query/compile';
import type { CompileResult } from '$lib/query/spec';
import { PAGE_SIZE } from '../page-size';

/** The published 事例一覧 columns (plus the states and sort keys they need). */
export const LIST_COLUMNS = [
  'cases.case_id', 'cases.provenance', 'system.division', 'system.system_name', 'system.system_order',
  'prefecture.prefecture_code', 'prefecture.prefecture_name', 'cases.service_name', 'cases.service_name_state',
  'cases.start_year', 'cases.start_display', 'cases.participant_count', 'cases.participant_count_state',
  'cases.participant_population', 'cases.participant_population_state', 'cases.participant_staff', 'cases.participant_staff_state',
  'cases.initial_cost_band', 'cases.initial_cost_band_order', 'cases.annual_cost_band', 'cases.annual_cost_band_order',
  'cases.subsidy', 'cases.subsidy_state', 'cases.pref_burden', 'cases.pref_burden_state',
  'cases.cost_basis', 'cases.cost_basis_state', 'cases.selection_method', 'cases.selection_method_state'
] as const;

export type SortKey = { key: string; desc: boolean };
export const DEFAULT_SORT: SortKey[] = [{ key: 'system_order', desc: false }, { key: 'prefecture_code', desc: false }, { key: 'case_id', desc: false }];

export const listQuery = (filters: readonly Clause[], sort: SortKey[] = DEFAULT_SORT, page = 0): CompileResult =>
  compileRows(model, {
    from: 'cases',
    columns: [...LIST_COLUMNS],
    filters,
    orderBy: [...sort, { key: 'case_id', desc: false }],
    limit: PAGE_SIZE,
    offset: page * PAGE_SIZE
  });

export const countQuery = (filters: readonly Clause[]): CompileResult =>
  compileQuery(model, { measures: ['case_count', 'prefecture_count', 'participant_total'], filters });

/** Year domain for the 導入時期 slicer. */
export const yearsDomainQuery = (): CompileResult =>
  compileQuery(model, { measures: ['case_count'], dimensions: ['cases.start_year'], orderBy: [{ key: 'start_year' }] });
