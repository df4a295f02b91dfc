/**
 * The import template: Japanese headers (as the dashboard names the fields),
 * each mapped to its Parquet column base name and the kind of value it holds.
 * This list is the single source for the template, the parser and the writer.
 */
import { COST_BASES, ENVIRONMENTS, SELECTION_METHODS, ACTORS, YES_NO, AVAILABILITY } from './vocabulary.js';

export type ColumnKind =
  | { type: 'id' }
  | { type: 'division' }
  | { type: 'system' }
  | { type: 'prefCode' }
  | { type: 'prefName' }
  | { type: 'text' }
  | { type: 'enum'; values: readonly string[]; method?: boolean }
  | { type: 'int'; max: number }
  | { type: 'start' }
  | { type: 'band' }
  | { type: 'multiEnum'; values: readonly string[] }
  | { type: 'multiText' }
  | { type: 'provenance' }
  | { type: 'syntheticFields' };

export interface TemplateColumn {
  header: string;
  /** Parquet column base name; answer columns also get `${key}_state`. */
  key: string;
  kind: ColumnKind;
  /** Structural columns must be present in every file; optional ones may be absent. */
  presence: 'required' | 'optional';
}

const c = (header: string, key: string, kind: ColumnKind, presence: 'required' | 'optional' = 'required'): TemplateColumn => ({
  header,
  key,
  kind,
  presence,
});

export const CASE_COLUMNS: readonly TemplateColumn[] = [
  c('事例ID', 'case_id', { type: 'id' }),
  c('部門', 'division', { type: 'division' }),
  c('システム名', 'system_name', { type: 'system' }),
  c('都道府県コード', 'prefecture_code', { type: 'prefCode' }, 'optional'),
  c('都道府県名', 'prefecture_name', { type: 'prefName' }, 'optional'),
  c('サービス名', 'service_name', { type: 'text' }),
  c('導入時期', 'start', { type: 'start' }),
  c('担当部署', 'department', { type: 'text' }),
  c('連絡先', 'contact', { type: 'text' }),
  c('システム環境種別', 'environment', { type: 'enum', values: ENVIRONMENTS }),
  c('都道府県への導入', 'pref_adoption', { type: 'enum', values: YES_NO }),
  c('都道府県の負担', 'pref_burden', { type: 'enum', values: YES_NO }),
  c('参加自治体数', 'participant_count', { type: 'int', max: 2000 }),
  c('参加自治体人口数', 'participant_population', { type: 'int', max: 130_000_000 }),
  c('参加自治体職員数', 'participant_staff', { type: 'int', max: 2_000_000 }),
  c('補助金の有無', 'subsidy', { type: 'enum', values: YES_NO }),
  c('補助金の名称', 'subsidy_names', { type: 'multiText' }),
  c('初期費用規模', 'initial_cost_band', { type: 'band' }),
  c('年間運用費用規模', 'annual_cost_band', { type: 'band' }),
  c('費用按分の基準', 'cost_basis', { type: 'multiEnum', values: COST_BASES }),
  c('初期費用内訳', 'initial_cost_breakdown', { type: 'text' }),
  c('年間運用費用内訳', 'annual_cost_breakdown', { type: 'text' }),
  c('費用負担額の算定基準', 'burden_basis_text', { type: 'text' }),
  c('事業者選定方法', 'selection_method', { type: 'enum', values: SELECTION_METHODS, method: true }),
  c('仕様書策定', 'spec_by', { type: 'enum', values: ACTORS }),
  c('事業者選定', 'selection_by', { type: 'enum', values: ACTORS }),
  c('契約締結', 'contract_by', { type: 'enum', values: ACTORS }),
  c('入札説明書', 'doc_bid_guide', { type: 'enum', values: AVAILABILITY }),
  c('仕様書', 'doc_spec', { type: 'enum', values: AVAILABILITY }),
  c('評価基準', 'doc_criteria', { type: 'enum', values: AVAILABILITY }),
  c('調達の経緯', 'background', { type: 'text' }),
  c('調達の効果', 'effect', { type: 'text' }),
  c('共同調達の作業プロセス', 'process', { type: 'text' }),
  c('調達の課題', 'challenges', { type: 'text' }),
  c('出典', 'provenance', { type: 'provenance' }, 'optional'),
  c('合成項目', 'synthetic_fields', { type: 'syntheticFields' }, 'optional'),
];

export const PARTICIPATION_COLUMNS: readonly TemplateColumn[] = [
  c('事例ID', 'case_id', { type: 'id' }),
  c('団体コード', 'lg_code', { type: 'text' }),
  c('出典', 'provenance', { type: 'provenance' }, 'optional'),
];

/** 出典 values as written in the CSV ↔ provenance codes in Parquet. */
export const PROVENANCE_LABELS: Readonly<Record<string, 'published' | 'synthetic' | 'survey'>> = {
  公開資料: 'published',
  合成データ: 'synthetic',
  調査票: 'survey',
  published: 'published',
  synthetic: 'synthetic',
  survey: 'survey',
};
export const PROVENANCE_TO_LABEL = { published: '公開資料', synthetic: '合成データ', survey: '調査票' } as const;
export type Provenance = keyof typeof PROVENANCE_TO_LABEL;

export function columnByHeader(header: string): TemplateColumn | undefined {
  return CASE_COLUMNS.find((col) => col.header === header);
}
