import type { Row } from '$lib/db/types';
import { answerText, man, sen } from '../answer';

/** The columns of the published 事例一覧, how each cell reads, and what it sorts by. */
export interface ListColumn {
  key: string;
  label: string;
  sortKey: string;
  numeric?: boolean;
  cell: (r: Row) => string;
}

const a = (key: string, state: string, format?: (v: unknown) => string) => (r: Row) => answerText(r[key], r[state], format);

export const LIST_VIEW: ListColumn[] = [
  { key: 'division', label: 'システム分類', sortKey: 'system_order', cell: (r) => String(r.division) },
  { key: 'system_name', label: 'システム名', sortKey: 'system_order', cell: (r) => String(r.system_name) },
  { key: 'prefecture_name', label: '都道府県名', sortKey: 'prefecture_code', cell: (r) => String(r.prefecture_name) },
  { key: 'service_name', label: 'サービス名', sortKey: 'service_name', cell: a('service_name', 'service_name_state') },
  { key: 'start_display', label: '導入時期', sortKey: 'start_year', numeric: true, cell: (r) => String(r.start_display ?? '') },
  { key: 'participant_count', label: '参加自治体数', sortKey: 'participant_count', numeric: true, cell: a('participant_count', 'participant_count_state') },
  { key: 'participant_population', label: '人口', sortKey: 'participant_population', numeric: true, cell: a('participant_population', 'participant_population_state', man) },
  { key: 'participant_staff', label: '職員数', sortKey: 'participant_staff', numeric: true, cell: a('participant_staff', 'participant_staff_state', sen) },
  { key: 'initial_cost_band', label: '初期費用規模', sortKey: 'initial_cost_band_order', cell: (r) => String(r.initial_cost_band ?? '') },
  { key: 'annual_cost_band', label: '年間運用費用規模', sortKey: 'annual_cost_band_order', cell: (r) => String(r.annual_cost_band ?? '') },
  { key: 'subsidy', label: '国の補助金', sortKey: 'subsidy', cell: a('subsidy', 'subsidy_state') },
  { key: 'pref_burden', label: '都道府県の負担', sortKey: 'pref_burden', cell: a('pref_burden', 'pref_burden_state') },
  { key: 'cost_basis', label: '費用按分の基準', sortKey: 'cost_basis', cell: a('cost_basis', 'cost_basis_state') },
  { key: 'selection_method', label: '事業者選定方法', sortKey: 'selection_method', cell: a('selection_method', 'selection_method_state') }
];
