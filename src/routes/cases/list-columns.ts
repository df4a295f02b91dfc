import type { Row } from '$lib/db/types';
import { answerText, man, sen } from '../answer';

/**
 * The columns of the published 事例一覧, how each cell reads, what it sorts by, and how wide it
 * is. The widths are declared (table-layout: fixed in CaseTable.svelte) so the browser can lay
 * the 245-row table out without measuring every cell first (docs/performance.md, "What holds
 * first contentful paint"); each fits its label with the sort arrow and the usual values.
 */
export interface ListColumn {
  key: string;
  label: string;
  sortKey: string;
  numeric?: boolean;
  /** Width in em of the table's font, padding included. */
  width: number;
  cell: (r: Row) => string;
}

const a = (key: string, state: string, format?: (v: unknown) => string) => (r: Row) => answerText(r[key], r[state], format);

export const LIST_VIEW: ListColumn[] = [
  { key: 'division', label: 'システム分類', sortKey: 'system_order', width: 8.5, cell: (r) => String(r.division) },
  { key: 'system_name', label: 'システム名', sortKey: 'system_order', width: 8.5, cell: (r) => String(r.system_name) },
  { key: 'prefecture_name', label: '都道府県名', sortKey: 'prefecture_code', width: 7.5, cell: (r) => String(r.prefecture_name) },
  { key: 'service_name', label: 'サービス名', sortKey: 'service_name', width: 11, cell: a('service_name', 'service_name_state') },
  { key: 'start_display', label: '導入時期', sortKey: 'start_year', numeric: true, width: 6.5, cell: (r) => String(r.start_display ?? '') },
  { key: 'participant_count', label: '参加自治体数', sortKey: 'participant_count', numeric: true, width: 8.2, cell: a('participant_count', 'participant_count_state') },
  { key: 'participant_population', label: '人口', sortKey: 'participant_population', numeric: true, width: 6, cell: a('participant_population', 'participant_population_state', man) },
  { key: 'participant_staff', label: '職員数', sortKey: 'participant_staff', numeric: true, width: 6, cell: a('participant_staff', 'participant_staff_state', sen) },
  { key: 'initial_cost_band', label: '初期費用規模', sortKey: 'initial_cost_band_order', width: 8.2, cell: (r) => String(r.initial_cost_band ?? '') },
  { key: 'annual_cost_band', label: '年間運用費用規模', sortKey: 'annual_cost_band_order', width: 10.2, cell: (r) => String(r.annual_cost_band ?? '') },
  { key: 'subsidy', label: '国の補助金', sortKey: 'subsidy', width: 7.2, cell: a('subsidy', 'subsidy_state') },
  { key: 'pref_burden', label: '都道府県の負担', sortKey: 'pref_burden', width: 9.2, cell: a('pref_burden', 'pref_burden_state') },
  { key: 'cost_basis', label: '費用按分の基準', sortKey: 'cost_basis', width: 9.2, cell: a('cost_basis', 'cost_basis_state') },
  { key: 'selection_method', label: '事業者選定方法', sortKey: 'selection_method', width: 11, cell: a('selection_method', 'selection_method_state') }
];

/** The columns around LIST_VIEW in the table: the radio that picks a case, and 出所 (provenance). */
export const PICK_WIDTH = 2.2;
export const SOURCE_WIDTH = 6;
