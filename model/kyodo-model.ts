import type { ColumnDef, SemanticModel } from '../src/lib/model/types';

/** Columns holding each answer's state: answered / withheld (×) / unknown (-) / blank. */
const STATE_COLUMNS: ColumnDef[] = [
  ['service_name', 'サービス名'], ['start', '導入時期'], ['department', '担当部署'], ['contact', '連絡先'],
  ['environment', 'システム環境種別'], ['pref_adoption', '都道府県への導入'], ['pref_burden', '都道府県の負担'],
  ['participant_count', '参加自治体数'], ['participant_population', '参加自治体人口数'], ['participant_staff', '参加自治体職員数'],
  ['subsidy', '補助金の有無'], ['subsidy_names', '補助金の名称'], ['initial_cost_band', '初期費用規模'], ['annual_cost_band', '年間運用費用規模'],
  ['cost_basis', '費用按分の基準'], ['initial_cost_breakdown', '初期費用 内訳'], ['annual_cost_breakdown', '年間運用費用 内訳'],
  ['burden_basis_text', '費用負担額の算定基準'], ['selection_method', '事業者選定方法'], ['spec_by', '実施主体（仕様書策定）'],
  ['selection_by', '実施主体（事業者選定）'], ['contract_by', '実施主体（契約締結）'], ['doc_bid_guide', '資料提供の可否（入札説明書）'],
  ['doc_spec', '資料提供の可否（仕様書）'], ['doc_criteria', '資料提供の可否（評価基準）'], ['background', '調達の経緯'],
  ['effect', '調達の効果'], ['process', '共同調達の作業プロセス'], ['challenges', '調達の課題']
].map(([name, label]) => ({
  name: `${name}_state`,
  label: `${label}（回答状態）`,
  type: 'string',
  description: 'answered = 回答あり, withheld = × 非掲載希望, unknown = - 不明, blank = 未回答・回答対象外'
}));

/**
 * The semantic model of the 共同調達 survey: tables (views in sql/views.sql), relationships
 * (many-to-one, filters flow from the one side), measures and slicers.
 */
/** Years a 導入時期 value may take (URL values outside are refused). */
export const YEAR_BOUNDS = { min: 1900, max: 2100 };

/** システム分類 in the published order. */
export const DIVISIONS = ['総務部門', '事業部門', 'ツール'] as const;

export const model: SemanticModel = {
  name: 'kyodo',
  label: '自治体システムの共同調達',
  tables: [
    {
      name: 'cases', label: '共同調達の事例', description: '都道府県を中心とした共同調達の事例（1行1事例）',
      columns: [
        { name: 'case_id', label: '事例ID', type: 'string' },
        { name: 'provenance', label: 'データの出所', type: 'string', description: 'published = 公開資料に掲載, synthetic = 合成データ, survey = 調査票から取り込み' },
        { name: 'synthetic_fields', label: '合成した項目', type: 'string', description: '公開資料に掲載された事例のうち、合成データで補った列名（カンマ区切り）' },
        { name: 'system_id', label: 'システムID', type: 'string' },
        { name: 'prefecture_code', label: '都道府県コード', type: 'string' },
        { name: 'service_name', label: 'サービス名', type: 'string' },
        { name: 'start_year', label: '導入時期（年）', type: 'integer' },
        { name: 'start_month', label: '導入時期（月）', type: 'integer' },
        { name: 'start_display', label: '導入時期', type: 'string', description: '表示用（例: 2015年4月）' },
        { name: 'department', label: '担当部署', type: 'string' },
        { name: 'contact', label: '連絡先', type: 'string', description: '合成データの事例では空欄' },
        { name: 'environment', label: 'システム環境種別', type: 'string', description: 'オンプレミス開発 / クラウドサービス' },
        { name: 'environment_answer', label: 'システム環境種別（回答区分）', type: 'string', description: '回答値、または 非掲載希望 / 不明 / 未回答・回答対象外' },
        { name: 'pref_adoption', label: '都道府県への導入', type: 'string' },
        { name: 'pref_burden', label: '都道府県の負担', type: 'string' },
        { name: 'pref_burden_answer', label: '都道府県による費用負担（回答区分）', type: 'string' },
        { name: 'participant_count', label: '参加自治体数', type: 'integer', description: '参加する市区町村の数（都道府県・一部事務組合を含まない）' },
        { name: 'participant_population', label: '参加自治体人口数', type: 'bigint', description: '参加自治体の人口の合計' },
        { name: 'participant_staff', label: '参加自治体職員数', type: 'integer' },
        { name: 'subsidy', label: '補助金の有無', type: 'string' },
        { name: 'subsidy_answer', label: '補助金の有無（回答区分）', type: 'string' },
        { name: 'subsidy_names', label: '補助金の名称', type: 'string', description: 'カンマ区切り（1事例に複数）' },
        { name: 'initial_cost_band_order', label: '初期費用規模（順序）', type: 'integer' },
        { name: 'initial_cost_band', label: '初期費用規模', type: 'string' },
        { name: 'annual_cost_band_order', label: '年間運用費用規模（順序）', type: 'integer' },
        { name: 'annual_cost_band', label: '年間運用費用規模', type: 'string' },
        { name: 'cost_basis', label: '費用按分の基準', type: 'string', description: 'カンマ区切り（人口割,均等割 など）' },
        { name: 'initial_cost_breakdown', label: '初期費用 内訳', type: 'string' },
        { name: 'annual_cost_breakdown', label: '年間運用費用 内訳', type: 'string' },
        { name: 'burden_basis_text', label: '費用負担額の算定基準', type: 'string' },
        { name: 'selection_method', label: '事業者選定方法', type: 'string' },
        { name: 'selection_method_answer', label: '事業者選定方法（回答区分）', type: 'string' },
        { name: 'spec_by', label: '実施主体（仕様書策定）', type: 'string' },
        { name: 'selection_by', label: '実施主体（事業者選定）', type: 'string' },
        { name: 'contract_by', label: '実施主体（契約締結）', type: 'string' },
        { name: 'doc_bid_guide', label: '資料提供の可否（入札説明書）', type: 'string' },
        { name: 'doc_spec', label: '資料提供の可否（仕様書）', type: 'string' },
        { name: 'doc_criteria', label: '資料提供の可否（評価基準）', type: 'string' },
        { name: 'background', label: '調達の経緯', type: 'string' },
        { name: 'effect', label: '調達の効果', type: 'string' },
        { name: 'process', label: '共同調達の作業プロセス', type: 'string' },
        { name: 'challenges', label: '調達の課題', type: 'string' },
        ...STATE_COLUMNS
      ]
    },
    {
      name: 'system', label: 'システム', description: 'システム種別（部門ごと）',
      columns: [
        { name: 'system_id', label: 'システムID', type: 'string' },
        { name: 'division', label: 'システム分類（部門）', type: 'string' },
        { name: 'division_order', label: '部門の順序', type: 'integer' },
        { name: 'system_name', label: 'システム名', type: 'string' },
        { name: 'system_order', label: 'システムの順序', type: 'integer' }
      ]
    },
    {
      name: 'prefecture', label: '都道府県', description: '47都道府県（地域ブロック、市区町村数、令和2年国勢調査人口）',
      columns: [
        { name: 'prefecture_code', label: '都道府県コード', type: 'string' },
        { name: 'prefecture_name', label: '都道府県名', type: 'string' },
        { name: 'region', label: '地域', type: 'string' },
        { name: 'region_order', label: '地域の順序', type: 'integer' },
        { name: 'municipality_count', label: '全自治体数', type: 'integer' },
        { name: 'population_2020', label: '人口（令和2年国勢調査）', type: 'bigint' }
      ]
    },
    {
      name: 'municipality', label: '市区町村', description: '1,741市区町村（北方領土の6村を除く）',
      columns: [
        { name: 'lg_code', label: '団体コード', type: 'string' },
        { name: 'prefecture_code', label: '都道府県コード', type: 'string' },
        { name: 'city_name', label: '市区町村名', type: 'string' },
        { name: 'display_name', label: '市区町村名（郡名付き）', type: 'string' }
      ]
    },
    {
      name: 'case_subsidy', label: '補助金', description: '事例ごとの補助金の名称（1行1補助金）',
      columns: [
        { name: 'case_id', label: '事例ID', type: 'string' },
        { name: 'subsidy_name', label: '補助金の名称', type: 'string' },
        { name: 'provenance', label: 'データの出所', type: 'string' }
      ]
    },
    {
      name: 'case_cost_basis', label: '費用按分の基準', description: '事例ごとの費用按分の基準（1行1基準）',
      columns: [
        { name: 'case_id', label: '事例ID', type: 'string' },
        { name: 'basis', label: '費用按分の基準', type: 'string' },
        { name: 'provenance', label: 'データの出所', type: 'string' }
      ]
    },
    {
      name: 'participation', label: '参加自治体', description: '事例ごとの参加市区町村（1行1参加）',
      columns: [
        { name: 'case_id', label: '事例ID', type: 'string' },
        { name: 'lg_code', label: '団体コード', type: 'string' },
        { name: 'provenance', label: 'データの出所', type: 'string' }
      ]
    }
  ],
  relationships: [
    { from: { table: 'cases', column: 'system_id' }, to: { table: 'system', column: 'system_id' } },
    { from: { table: 'cases', column: 'prefecture_code' }, to: { table: 'prefecture', column: 'prefecture_code' } },
    { from: { table: 'participation', column: 'case_id' }, to: { table: 'cases', column: 'case_id' } },
    { from: { table: 'case_subsidy', column: 'case_id' }, to: { table: 'cases', column: 'case_id' } },
    { from: { table: 'case_cost_basis', column: 'case_id' }, to: { table: 'cases', column: 'case_id' } },
    { from: { table: 'participation', column: 'lg_code' }, to: { table: 'municipality', column: 'lg_code' } },
    // The municipality's prefecture equals the case's; declared for the catalog, never joined (would be ambiguous).
    { from: { table: 'municipality', column: 'prefecture_code' }, to: { table: 'prefecture', column: 'prefecture_code' }, inactive: true }
  ],
  measures: [
    { name: 'case_count', label: '事例件数', table: 'cases', sql: 'count(*)', format: 'count', unit: '件', description: '共同調達の事例の数' },
    { name: 'prefecture_count', label: '共同調達している都道府県数', table: 'cases', sql: 'count(DISTINCT "cases"."prefecture_code")', format: 'count', unit: '都道府県', description: '事例が1件以上ある都道府県の数' },
    { name: 'participant_total', label: '参加自治体数（延べ）', table: 'cases', sql: 'CAST(coalesce(sum("cases"."participant_count"), 0) AS INTEGER)', format: 'count', unit: '団体', description: '各事例の参加自治体数の合計（同じ市区町村が複数の事例に参加すると重複して数える）' },
    { name: 'case_share', label: '事例の割合', table: 'cases', sql: 'count(*) / sum(count(*)) OVER ()', format: 'percent', description: '表示中の事例全体に占める割合（グループごと）。無回答などの区分も分母に含む' },
    { name: 'subsidy_case_count', label: '補助金を利用した事例件数', table: 'case_subsidy', sql: 'count(DISTINCT "case_subsidy"."case_id")', format: 'count', unit: '件', description: '補助金を利用した事例の数（補助金の名称ごとに数えると、その補助金を利用した事例の数）' },
    { name: 'municipality_count', label: '参加市区町村数', table: 'participation', sql: 'count(DISTINCT "participation"."lg_code")', format: 'count', unit: '団体', description: '1件以上の事例に参加している市区町村の数（重複なし）' }
  ],
  slicers: [
    { name: 'system', label: 'システム名', field: 'cases.system_id', labelField: 'system.system_name', kind: 'list', param: 'sys' },
    { name: 'year', label: '導入時期', field: 'cases.start_year', kind: 'range', param: 'year', bounds: YEAR_BOUNDS },
    { name: 'prefecture', label: '都道府県', field: 'cases.prefecture_code', labelField: 'prefecture.prefecture_name', kind: 'search', param: 'pref' },
    {
      name: 'municipality', label: '参加市区町村', field: 'participation.lg_code', labelField: 'municipality.display_name', kind: 'search', param: 'muni',
      pattern: '^[0-9]{6}$'
    }
  ],
  // The overview's figures under its own cross-filter fields (system, prefecture, start year),
  // answered from small tables made at load instead of the cases and their participation rows
  // (issue 8; docs/performance.md). Any other filter (e.g. a municipality) falls back to the base tables.
  aggregations: [
    {
      name: 'agg_cases', fact: 'cases', groupBy: ['cases.system_id', 'cases.prefecture_code', 'cases.start_year'],
      measures: [{ measure: 'case_count', kind: 'count' }, { measure: 'prefecture_count', kind: 'distinct', field: 'cases.prefecture_code' }]
    },
    {
      // A municipality belongs to one prefecture, the case's: prefecture_code adds no rows.
      name: 'agg_participation', fact: 'participation', groupBy: ['cases.system_id', 'cases.prefecture_code', 'cases.start_year', 'participation.lg_code'],
      measures: [{ measure: 'municipality_count', kind: 'distinct', field: 'participation.lg_code' }]
    }
  ]
};
