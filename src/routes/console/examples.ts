/** Example queries over this dataset's model views (shown in the console's 「例」 menu). */
export const EXAMPLES: { label: string; sql: string }[] = [
  {
    label: 'システム別の事例件数',
    sql: `-- システム別の事例件数（ページの「システム別の事例件数」と同じ）
SELECT s.division AS 部門, s.system_name AS システム名, count(*) AS 事例件数
FROM cases c JOIN system s USING (system_id)
GROUP BY ALL
ORDER BY min(s.system_order);`
  },
  {
    label: '都道府県別の事例件数',
    sql: `SELECT p.prefecture_name AS 都道府県, count(*) AS 事例件数, count(DISTINCT c.system_id) AS システム数
FROM cases c JOIN prefecture p USING (prefecture_code)
GROUP BY ALL
ORDER BY 事例件数 DESC, 都道府県;`
  },
  {
    label: '参加市区町村（施設予約システム）',
    sql: `SELECT p.prefecture_name AS 都道府県, m.display_name AS 市区町村, c.case_id
FROM participation pa
JOIN cases c USING (case_id)
JOIN system s USING (system_id)
JOIN municipality m USING (lg_code)
JOIN prefecture p ON p.prefecture_code = c.prefecture_code
WHERE s.system_name = '施設予約システム'
ORDER BY m.lg_code;`
  },
  {
    label: '初期費用規模ごとの事例件数',
    sql: `SELECT coalesce(b.band_label, c.initial_cost_band_answer) AS 初期費用規模, count(*) AS 事例件数
FROM cases c LEFT JOIN cost_band b ON b.band_order = c.initial_cost_band_order
GROUP BY ALL
ORDER BY min(coalesce(b.band_order, 99));`
  },
  {
    label: 'メジャーの定義（モデルカタログ）',
    sql: `SELECT name, label, sql, description, example_sql FROM model_catalog.measures;`
  },
  {
    label: 'ビューと列の説明（DuckDB のカタログ）',
    sql: `SELECT table_name, column_name, data_type, comment FROM duckdb_columns()
WHERE schema_name = 'main' AND NOT starts_with(table_name, 'raw_')
ORDER BY table_name, column_index;`
  },
  {
    label: '100万行（グリッドのスクロール確認）',
    sql: `SELECT range AS n, range * 2 AS double_n, 'row ' || range AS label FROM range(1000000);`
  }
];
