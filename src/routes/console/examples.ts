import { model } from '$model/kyodo-model';
import { fieldLabel } from '$lib/model/labels';
import { ident } from '$lib/sql/quote';
import { measure } from '../measures';

/** A model measure as a select item: its SQL and its label, both from the model. */
const m = (name: string) => `${measure(name).sql} AS ${ident(measure(name).label)}`;
/** A model column as a select item, labelled by the model. */
const f = (field: string) => `${field} AS ${ident(fieldLabel(model, field))}`;
const CASES = ident(measure('case_count').label);

/** Example queries over this dataset's model views (shown in the console's 「例」 menu); labels and measures come from the model. */
export const EXAMPLES: { label: string; sql: string }[] = [
  {
    label: `システム別の${measure('case_count').label}`,
    sql: `-- システム別の${measure('case_count').label}（ページの「システム別の${measure('case_count').label}」と同じ）
SELECT ${f('system.division')}, ${f('system.system_name')}, ${m('case_count')}
FROM cases JOIN system USING (system_id)
GROUP BY ALL
ORDER BY min(system.system_order);`
  },
  {
    label: `都道府県別の${measure('case_count').label}`,
    sql: `SELECT ${f('prefecture.prefecture_name')}, ${m('case_count')}, count(DISTINCT cases.system_id) AS システム数
FROM cases JOIN prefecture USING (prefecture_code)
GROUP BY ALL
ORDER BY ${CASES} DESC, 1;`
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
    label: `初期費用規模ごとの${measure('case_count').label}`,
    sql: `SELECT ${f('cases.initial_cost_band')}, ${m('case_count')}
FROM cases LEFT JOIN cost_band b ON b.band_label = cases.initial_cost_band
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
WHERE schema_name = 'main' AND table_name NOT IN (SELECT name FROM model_catalog.internal_tables)
ORDER BY table_name, column_index;`
  },
  {
    label: '大きな結果の例（100万行の連番）',
    sql: `-- 100万行の結果も、表を最後までスクロールして見られます
SELECT range AS n, range * 2 AS double_n, 'row ' || range AS label FROM range(1000000);`
  }
];
