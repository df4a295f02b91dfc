import type { SemanticModel } from '../src/lib/model/types';

/**
 * The semantic model of the 共同調達 survey: tables (views in sql/views.sql), relationships
 * (many-to-one, filters flow from the one side), measures and slicers.
 */
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
        { name: 'system_id', label: 'システムID', type: 'string' },
        { name: 'prefecture_code', label: '都道府県コード', type: 'string' },
        { name: 'service_name', label: 'サービス名', type: 'string' },
        { name: 'start_year', label: '導入時期（年）', type: 'integer' },
        { name: 'start_month', label: '導入時期（月）', type: 'integer' },
        { name: 'participant_count', label: '参加自治体数', type: 'integer', description: '参加する市区町村の数（都道府県・一部事務組合を含まない）' }
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
    { from: { table: 'participation', column: 'lg_code' }, to: { table: 'municipality', column: 'lg_code' } },
    // The municipality's prefecture equals the case's; declared for the catalog, never joined (would be ambiguous).
    { from: { table: 'municipality', column: 'prefecture_code' }, to: { table: 'prefecture', column: 'prefecture_code' }, inactive: true }
  ],
  measures: [
    { name: 'case_count', label: '事例件数', table: 'cases', sql: 'count(*)', format: 'count', unit: '件', description: '共同調達の事例の数' },
    { name: 'prefecture_count', label: '共同調達している都道府県数', table: 'cases', sql: 'count(DISTINCT "cases"."prefecture_code")', format: 'count', unit: '都道府県', description: '事例が1件以上ある都道府県の数' },
    { name: 'participant_total', label: '参加自治体数（延べ）', table: 'cases', sql: 'CAST(coalesce(sum("cases"."participant_count"), 0) AS INTEGER)', format: 'count', unit: '団体', description: '各事例の参加自治体数の合計（同じ市区町村が複数の事例に参加すると重複して数える）' },
    { name: 'municipality_count', label: '参加市区町村数', table: 'participation', sql: 'count(DISTINCT "participation"."lg_code")', format: 'count', unit: '団体', description: '1件以上の事例に参加している市区町村の数（重複なし）' }
  ],
  slicers: [
    { name: 'system', label: 'システム名', field: 'cases.system_id', labelField: 'system.system_name', kind: 'list' },
    { name: 'start_year', label: '導入時期', field: 'cases.start_year', kind: 'range' },
    { name: 'prefecture', label: '都道府県', field: 'cases.prefecture_code', labelField: 'prefecture.prefecture_name', kind: 'search' }
  ]
};
