-- Generated from the semantic model by src/lib/model/catalog-sql.ts: do not edit by hand.
-- Regenerate with: npx vitest run model/catalog.test.ts -u

-- Comments on the model views (DuckDB catalog: duckdb_views(), duckdb_columns()).
COMMENT ON VIEW "cases" IS '共同調達の事例: 都道府県を中心とした共同調達の事例（1行1事例）';
COMMENT ON COLUMN "cases"."case_id" IS '事例ID';
COMMENT ON COLUMN "cases"."provenance" IS 'データの出所: published = 公開資料に掲載, synthetic = 合成データ, survey = 調査票から取り込み';
COMMENT ON COLUMN "cases"."synthetic_fields" IS '合成した項目: 公開資料に掲載された事例のうち、合成データで補った列名（カンマ区切り）';
COMMENT ON COLUMN "cases"."system_id" IS 'システムID';
COMMENT ON COLUMN "cases"."prefecture_code" IS '都道府県コード';
COMMENT ON COLUMN "cases"."service_name" IS 'サービス名';
COMMENT ON COLUMN "cases"."start_year" IS '導入時期（年）';
COMMENT ON COLUMN "cases"."start_month" IS '導入時期（月）';
COMMENT ON COLUMN "cases"."start_display" IS '導入時期: 表示用（例: 2015年4月）';
COMMENT ON COLUMN "cases"."department" IS '担当部署';
COMMENT ON COLUMN "cases"."contact" IS '連絡先: 合成データの事例では空欄';
COMMENT ON COLUMN "cases"."environment" IS 'システム環境種別: オンプレミス開発 / クラウドサービス';
COMMENT ON COLUMN "cases"."environment_answer" IS 'システム環境種別（回答区分）: 回答値、または 非掲載希望 / 不明 / 未回答・回答対象外';
COMMENT ON COLUMN "cases"."pref_adoption" IS '都道府県への導入';
COMMENT ON COLUMN "cases"."pref_burden" IS '都道府県の負担';
COMMENT ON COLUMN "cases"."pref_burden_answer" IS '都道府県による費用負担（回答区分）';
COMMENT ON COLUMN "cases"."participant_count" IS '参加自治体数: 参加する市区町村の数（都道府県・一部事務組合を含まない）';
COMMENT ON COLUMN "cases"."participant_population" IS '参加自治体人口数: 参加自治体の人口の合計';
COMMENT ON COLUMN "cases"."participant_staff" IS '参加自治体職員数';
COMMENT ON COLUMN "cases"."subsidy" IS '補助金の有無';
COMMENT ON COLUMN "cases"."subsidy_answer" IS '補助金の有無（回答区分）';
COMMENT ON COLUMN "cases"."subsidy_names" IS '補助金の名称: カンマ区切り（1事例に複数）';
COMMENT ON COLUMN "cases"."initial_cost_band_order" IS '初期費用規模（順序）';
COMMENT ON COLUMN "cases"."initial_cost_band" IS '初期費用規模';
COMMENT ON COLUMN "cases"."annual_cost_band_order" IS '年間運用費用規模（順序）';
COMMENT ON COLUMN "cases"."annual_cost_band" IS '年間運用費用規模';
COMMENT ON COLUMN "cases"."cost_basis" IS '費用按分の基準: カンマ区切り（人口割,均等割 など）';
COMMENT ON COLUMN "cases"."initial_cost_breakdown" IS '初期費用 内訳';
COMMENT ON COLUMN "cases"."annual_cost_breakdown" IS '年間運用費用 内訳';
COMMENT ON COLUMN "cases"."burden_basis_text" IS '費用負担額の算定基準';
COMMENT ON COLUMN "cases"."selection_method" IS '事業者選定方法';
COMMENT ON COLUMN "cases"."selection_method_answer" IS '事業者選定方法（回答区分）';
COMMENT ON COLUMN "cases"."spec_by" IS '実施主体（仕様書策定）';
COMMENT ON COLUMN "cases"."selection_by" IS '実施主体（事業者選定）';
COMMENT ON COLUMN "cases"."contract_by" IS '実施主体（契約締結）';
COMMENT ON COLUMN "cases"."doc_bid_guide" IS '資料提供の可否（入札説明書）';
COMMENT ON COLUMN "cases"."doc_spec" IS '資料提供の可否（仕様書）';
COMMENT ON COLUMN "cases"."doc_criteria" IS '資料提供の可否（評価基準）';
COMMENT ON COLUMN "cases"."background" IS '調達の経緯';
COMMENT ON COLUMN "cases"."effect" IS '調達の効果';
COMMENT ON COLUMN "cases"."process" IS '共同調達の作業プロセス';
COMMENT ON COLUMN "cases"."challenges" IS '調達の課題';
COMMENT ON COLUMN "cases"."service_name_state" IS 'サービス名（回答状態）: answered = 回答あり, withheld = × 非掲載希望, unknown = - 不明, blank = 未回答・回答対象外';
COMMENT ON COLUMN "cases"."start_state" IS '導入時期（回答状態）: answered = 回答あり, withheld = × 非掲載希望, unknown = - 不明, blank = 未回答・回答対象外';
COMMENT ON COLUMN "cases"."department_state" IS '担当部署（回答状態）: answered = 回答あり, withheld = × 非掲載希望, unknown = - 不明, blank = 未回答・回答対象外';
COMMENT ON COLUMN "cases"."contact_state" IS '連絡先（回答状態）: answered = 回答あり, withheld = × 非掲載希望, unknown = - 不明, blank = 未回答・回答対象外';
COMMENT ON COLUMN "cases"."environment_state" IS 'システム環境種別（回答状態）: answered = 回答あり, withheld = × 非掲載希望, unknown = - 不明, blank = 未回答・回答対象外';
COMMENT ON COLUMN "cases"."pref_adoption_state" IS '都道府県への導入（回答状態）: answered = 回答あり, withheld = × 非掲載希望, unknown = - 不明, blank = 未回答・回答対象外';
COMMENT ON COLUMN "cases"."pref_burden_state" IS '都道府県の負担（回答状態）: answered = 回答あり, withheld = × 非掲載希望, unknown = - 不明, blank = 未回答・回答対象外';
COMMENT ON COLUMN "cases"."participant_count_state" IS '参加自治体数（回答状態）: answered = 回答あり, withheld = × 非掲載希望, unknown = - 不明, blank = 未回答・回答対象外';
COMMENT ON COLUMN "cases"."participant_population_state" IS '参加自治体人口数（回答状態）: answered = 回答あり, withheld = × 非掲載希望, unknown = - 不明, blank = 未回答・回答対象外';
COMMENT ON COLUMN "cases"."participant_staff_state" IS '参加自治体職員数（回答状態）: answered = 回答あり, withheld = × 非掲載希望, unknown = - 不明, blank = 未回答・回答対象外';
COMMENT ON COLUMN "cases"."subsidy_state" IS '補助金の有無（回答状態）: answered = 回答あり, withheld = × 非掲載希望, unknown = - 不明, blank = 未回答・回答対象外';
COMMENT ON COLUMN "cases"."subsidy_names_state" IS '補助金の名称（回答状態）: answered = 回答あり, withheld = × 非掲載希望, unknown = - 不明, blank = 未回答・回答対象外';
COMMENT ON COLUMN "cases"."initial_cost_band_state" IS '初期費用規模（回答状態）: answered = 回答あり, withheld = × 非掲載希望, unknown = - 不明, blank = 未回答・回答対象外';
COMMENT ON COLUMN "cases"."annual_cost_band_state" IS '年間運用費用規模（回答状態）: answered = 回答あり, withheld = × 非掲載希望, unknown = - 不明, blank = 未回答・回答対象外';
COMMENT ON COLUMN "cases"."cost_basis_state" IS '費用按分の基準（回答状態）: answered = 回答あり, withheld = × 非掲載希望, unknown = - 不明, blank = 未回答・回答対象外';
COMMENT ON COLUMN "cases"."initial_cost_breakdown_state" IS '初期費用 内訳（回答状態）: answered = 回答あり, withheld = × 非掲載希望, unknown = - 不明, blank = 未回答・回答対象外';
COMMENT ON COLUMN "cases"."annual_cost_breakdown_state" IS '年間運用費用 内訳（回答状態）: answered = 回答あり, withheld = × 非掲載希望, unknown = - 不明, blank = 未回答・回答対象外';
COMMENT ON COLUMN "cases"."burden_basis_text_state" IS '費用負担額の算定基準（回答状態）: answered = 回答あり, withheld = × 非掲載希望, unknown = - 不明, blank = 未回答・回答対象外';
COMMENT ON COLUMN "cases"."selection_method_state" IS '事業者選定方法（回答状態）: answered = 回答あり, withheld = × 非掲載希望, unknown = - 不明, blank = 未回答・回答対象外';
COMMENT ON COLUMN "cases"."spec_by_state" IS '実施主体（仕様書策定）（回答状態）: answered = 回答あり, withheld = × 非掲載希望, unknown = - 不明, blank = 未回答・回答対象外';
COMMENT ON COLUMN "cases"."selection_by_state" IS '実施主体（事業者選定）（回答状態）: answered = 回答あり, withheld = × 非掲載希望, unknown = - 不明, blank = 未回答・回答対象外';
COMMENT ON COLUMN "cases"."contract_by_state" IS '実施主体（契約締結）（回答状態）: answered = 回答あり, withheld = × 非掲載希望, unknown = - 不明, blank = 未回答・回答対象外';
COMMENT ON COLUMN "cases"."doc_bid_guide_state" IS '資料提供の可否（入札説明書）（回答状態）: answered = 回答あり, withheld = × 非掲載希望, unknown = - 不明, blank = 未回答・回答対象外';
COMMENT ON COLUMN "cases"."doc_spec_state" IS '資料提供の可否（仕様書）（回答状態）: answered = 回答あり, withheld = × 非掲載希望, unknown = - 不明, blank = 未回答・回答対象外';
COMMENT ON COLUMN "cases"."doc_criteria_state" IS '資料提供の可否（評価基準）（回答状態）: answered = 回答あり, withheld = × 非掲載希望, unknown = - 不明, blank = 未回答・回答対象外';
COMMENT ON COLUMN "cases"."background_state" IS '調達の経緯（回答状態）: answered = 回答あり, withheld = × 非掲載希望, unknown = - 不明, blank = 未回答・回答対象外';
COMMENT ON COLUMN "cases"."effect_state" IS '調達の効果（回答状態）: answered = 回答あり, withheld = × 非掲載希望, unknown = - 不明, blank = 未回答・回答対象外';
COMMENT ON COLUMN "cases"."process_state" IS '共同調達の作業プロセス（回答状態）: answered = 回答あり, withheld = × 非掲載希望, unknown = - 不明, blank = 未回答・回答対象外';
COMMENT ON COLUMN "cases"."challenges_state" IS '調達の課題（回答状態）: answered = 回答あり, withheld = × 非掲載希望, unknown = - 不明, blank = 未回答・回答対象外';
COMMENT ON VIEW "system" IS 'システム: システム種別（部門ごと）';
COMMENT ON COLUMN "system"."system_id" IS 'システムID';
COMMENT ON COLUMN "system"."division" IS 'システム分類（部門）';
COMMENT ON COLUMN "system"."division_order" IS '部門の順序';
COMMENT ON COLUMN "system"."system_name" IS 'システム名';
COMMENT ON COLUMN "system"."system_order" IS 'システムの順序';
COMMENT ON VIEW "prefecture" IS '都道府県: 47都道府県（地域ブロック、市区町村数、令和2年国勢調査人口）';
COMMENT ON COLUMN "prefecture"."prefecture_code" IS '都道府県コード';
COMMENT ON COLUMN "prefecture"."prefecture_name" IS '都道府県名';
COMMENT ON COLUMN "prefecture"."region" IS '地域';
COMMENT ON COLUMN "prefecture"."region_order" IS '地域の順序';
COMMENT ON COLUMN "prefecture"."municipality_count" IS '全自治体数';
COMMENT ON COLUMN "prefecture"."population_2020" IS '人口（令和2年国勢調査）';
COMMENT ON VIEW "municipality" IS '市区町村: 1,741市区町村（北方領土の6村を除く）';
COMMENT ON COLUMN "municipality"."lg_code" IS '団体コード';
COMMENT ON COLUMN "municipality"."prefecture_code" IS '都道府県コード';
COMMENT ON COLUMN "municipality"."city_name" IS '市区町村名';
COMMENT ON COLUMN "municipality"."display_name" IS '市区町村名（郡名付き）';
COMMENT ON VIEW "case_subsidy" IS '補助金: 事例ごとの補助金の名称（1行1補助金）';
COMMENT ON COLUMN "case_subsidy"."case_id" IS '事例ID';
COMMENT ON COLUMN "case_subsidy"."subsidy_name" IS '補助金の名称';
COMMENT ON COLUMN "case_subsidy"."provenance" IS 'データの出所';
COMMENT ON VIEW "case_cost_basis" IS '費用按分の基準: 事例ごとの費用按分の基準（1行1基準）';
COMMENT ON COLUMN "case_cost_basis"."case_id" IS '事例ID';
COMMENT ON COLUMN "case_cost_basis"."basis" IS '費用按分の基準';
COMMENT ON COLUMN "case_cost_basis"."provenance" IS 'データの出所';
COMMENT ON VIEW "participation" IS '参加自治体: 事例ごとの参加市区町村（1行1参加）';
COMMENT ON COLUMN "participation"."case_id" IS '事例ID';
COMMENT ON COLUMN "participation"."lg_code" IS '団体コード';
COMMENT ON COLUMN "participation"."provenance" IS 'データの出所';

CREATE SCHEMA IF NOT EXISTS "model_catalog";

CREATE OR REPLACE TABLE "model_catalog"."tables" (name VARCHAR, label VARCHAR, description VARCHAR);
INSERT INTO "model_catalog"."tables" VALUES
  ('cases', '共同調達の事例', '都道府県を中心とした共同調達の事例（1行1事例）'),
  ('system', 'システム', 'システム種別（部門ごと）'),
  ('prefecture', '都道府県', '47都道府県（地域ブロック、市区町村数、令和2年国勢調査人口）'),
  ('municipality', '市区町村', '1,741市区町村（北方領土の6村を除く）'),
  ('case_subsidy', '補助金', '事例ごとの補助金の名称（1行1補助金）'),
  ('case_cost_basis', '費用按分の基準', '事例ごとの費用按分の基準（1行1基準）'),
  ('participation', '参加自治体', '事例ごとの参加市区町村（1行1参加）');
COMMENT ON TABLE "model_catalog"."tables" IS 'モデルのテーブル（ビュー）';
CREATE OR REPLACE TABLE "model_catalog"."columns" (table_name VARCHAR, name VARCHAR, label VARCHAR, type VARCHAR, description VARCHAR);
INSERT INTO "model_catalog"."columns" VALUES
  ('cases', 'case_id', '事例ID', 'string', NULL),
  ('cases', 'provenance', 'データの出所', 'string', 'published = 公開資料に掲載, synthetic = 合成データ, survey = 調査票から取り込み'),
  ('cases', 'synthetic_fields', '合成した項目', 'string', '公開資料に掲載された事例のうち、合成データで補った列名（カンマ区切り）'),
  ('cases', 'system_id', 'システムID', 'string', NULL),
  ('cases', 'prefecture_code', '都道府県コード', 'string', NULL),
  ('cases', 'service_name', 'サービス名', 'string', NULL),
  ('cases', 'start_year', '導入時期（年）', 'integer', NULL),
  ('cases', 'start_month', '導入時期（月）', 'integer', NULL),
  ('cases', 'start_display', '導入時期', 'string', '表示用（例: 2015年4月）'),
  ('cases', 'department', '担当部署', 'string', NULL),
  ('cases', 'contact', '連絡先', 'string', '合成データの事例では空欄'),
  ('cases', 'environment', 'システム環境種別', 'string', 'オンプレミス開発 / クラウドサービス'),
  ('cases', 'environment_answer', 'システム環境種別（回答区分）', 'string', '回答値、または 非掲載希望 / 不明 / 未回答・回答対象外'),
  ('cases', 'pref_adoption', '都道府県への導入', 'string', NULL),
  ('cases', 'pref_burden', '都道府県の負担', 'string', NULL),
  ('cases', 'pref_burden_answer', '都道府県による費用負担（回答区分）', 'string', NULL),
  ('cases', 'participant_count', '参加自治体数', 'integer', '参加する市区町村の数（都道府県・一部事務組合を含まない）'),
  ('cases', 'participant_population', '参加自治体人口数', 'bigint', '参加自治体の人口の合計'),
  ('cases', 'participant_staff', '参加自治体職員数', 'integer', NULL),
  ('cases', 'subsidy', '補助金の有無', 'string', NULL),
  ('cases', 'subsidy_answer', '補助金の有無（回答区分）', 'string', NULL),
  ('cases', 'subsidy_names', '補助金の名称', 'string', 'カンマ区切り（1事例に複数）'),
  ('cases', 'initial_cost_band_order', '初期費用規模（順序）', 'integer', NULL),
  ('cases', 'initial_cost_band', '初期費用規模', 'string', NULL),
  ('cases', 'annual_cost_band_order', '年間運用費用規模（順序）', 'integer', NULL),
  ('cases', 'annual_cost_band', '年間運用費用規模', 'string', NULL),
  ('cases', 'cost_basis', '費用按分の基準', 'string', 'カンマ区切り（人口割,均等割 など）'),
  ('cases', 'initial_cost_breakdown', '初期費用 内訳', 'string', NULL),
  ('cases', 'annual_cost_breakdown', '年間運用費用 内訳', 'string', NULL),
  ('cases', 'burden_basis_text', '費用負担額の算定基準', 'string', NULL),
  ('cases', 'selection_method', '事業者選定方法', 'string', NULL),
  ('cases', 'selection_method_answer', '事業者選定方法（回答区分）', 'string', NULL),
  ('cases', 'spec_by', '実施主体（仕様書策定）', 'string', NULL),
  ('cases', 'selection_by', '実施主体（事業者選定）', 'string', NULL),
  ('cases', 'contract_by', '実施主体（契約締結）', 'string', NULL),
  ('cases', 'doc_bid_guide', '資料提供の可否（入札説明書）', 'string', NULL),
  ('cases', 'doc_spec', '資料提供の可否（仕様書）', 'string', NULL),
  ('cases', 'doc_criteria', '資料提供の可否（評価基準）', 'string', NULL),
  ('cases', 'background', '調達の経緯', 'string', NULL),
  ('cases', 'effect', '調達の効果', 'string', NULL),
  ('cases', 'process', '共同調達の作業プロセス', 'string', NULL),
  ('cases', 'challenges', '調達の課題', 'string', NULL),
  ('cases', 'service_name_state', 'サービス名（回答状態）', 'string', 'answered = 回答あり, withheld = × 非掲載希望, unknown = - 不明, blank = 未回答・回答対象外'),
  ('cases', 'start_state', '導入時期（回答状態）', 'string', 'answered = 回答あり, withheld = × 非掲載希望, unknown = - 不明, blank = 未回答・回答対象外'),
  ('cases', 'department_state', '担当部署（回答状態）', 'string', 'answered = 回答あり, withheld = × 非掲載希望, unknown = - 不明, blank = 未回答・回答対象外'),
  ('cases', 'contact_state', '連絡先（回答状態）', 'string', 'answered = 回答あり, withheld = × 非掲載希望, unknown = - 不明, blank = 未回答・回答対象外'),
  ('cases', 'environment_state', 'システム環境種別（回答状態）', 'string', 'answered = 回答あり, withheld = × 非掲載希望, unknown = - 不明, blank = 未回答・回答対象外'),
  ('cases', 'pref_adoption_state', '都道府県への導入（回答状態）', 'string', 'answered = 回答あり, withheld = × 非掲載希望, unknown = - 不明, blank = 未回答・回答対象外'),
  ('cases', 'pref_burden_state', '都道府県の負担（回答状態）', 'string', 'answered = 回答あり, withheld = × 非掲載希望, unknown = - 不明, blank = 未回答・回答対象外'),
  ('cases', 'participant_count_state', '参加自治体数（回答状態）', 'string', 'answered = 回答あり, withheld = × 非掲載希望, unknown = - 不明, blank = 未回答・回答対象外'),
  ('cases', 'participant_population_state', '参加自治体人口数（回答状態）', 'string', 'answered = 回答あり, withheld = × 非掲載希望, unknown = - 不明, blank = 未回答・回答対象外'),
  ('cases', 'participant_staff_state', '参加自治体職員数（回答状態）', 'string', 'answered = 回答あり, withheld = × 非掲載希望, unknown = - 不明, blank = 未回答・回答対象外'),
  ('cases', 'subsidy_state', '補助金の有無（回答状態）', 'string', 'answered = 回答あり, withheld = × 非掲載希望, unknown = - 不明, blank = 未回答・回答対象外'),
  ('cases', 'subsidy_names_state', '補助金の名称（回答状態）', 'string', 'answered = 回答あり, withheld = × 非掲載希望, unknown = - 不明, blank = 未回答・回答対象外'),
  ('cases', 'initial_cost_band_state', '初期費用規模（回答状態）', 'string', 'answered = 回答あり, withheld = × 非掲載希望, unknown = - 不明, blank = 未回答・回答対象外'),
  ('cases', 'annual_cost_band_state', '年間運用費用規模（回答状態）', 'string', 'answered = 回答あり, withheld = × 非掲載希望, unknown = - 不明, blank = 未回答・回答対象外'),
  ('cases', 'cost_basis_state', '費用按分の基準（回答状態）', 'string', 'answered = 回答あり, withheld = × 非掲載希望, unknown = - 不明, blank = 未回答・回答対象外'),
  ('cases', 'initial_cost_breakdown_state', '初期費用 内訳（回答状態）', 'string', 'answered = 回答あり, withheld = × 非掲載希望, unknown = - 不明, blank = 未回答・回答対象外'),
  ('cases', 'annual_cost_breakdown_state', '年間運用費用 内訳（回答状態）', 'string', 'answered = 回答あり, withheld = × 非掲載希望, unknown = - 不明, blank = 未回答・回答対象外'),
  ('cases', 'burden_basis_text_state', '費用負担額の算定基準（回答状態）', 'string', 'answered = 回答あり, withheld = × 非掲載希望, unknown = - 不明, blank = 未回答・回答対象外'),
  ('cases', 'selection_method_state', '事業者選定方法（回答状態）', 'string', 'answered = 回答あり, withheld = × 非掲載希望, unknown = - 不明, blank = 未回答・回答対象外'),
  ('cases', 'spec_by_state', '実施主体（仕様書策定）（回答状態）', 'string', 'answered = 回答あり, withheld = × 非掲載希望, unknown = - 不明, blank = 未回答・回答対象外'),
  ('cases', 'selection_by_state', '実施主体（事業者選定）（回答状態）', 'string', 'answered = 回答あり, withheld = × 非掲載希望, unknown = - 不明, blank = 未回答・回答対象外'),
  ('cases', 'contract_by_state', '実施主体（契約締結）（回答状態）', 'string', 'answered = 回答あり, withheld = × 非掲載希望, unknown = - 不明, blank = 未回答・回答対象外'),
  ('cases', 'doc_bid_guide_state', '資料提供の可否（入札説明書）（回答状態）', 'string', 'answered = 回答あり, withheld = × 非掲載希望, unknown = - 不明, blank = 未回答・回答対象外'),
  ('cases', 'doc_spec_state', '資料提供の可否（仕様書）（回答状態）', 'string', 'answered = 回答あり, withheld = × 非掲載希望, unknown = - 不明, blank = 未回答・回答対象外'),
  ('cases', 'doc_criteria_state', '資料提供の可否（評価基準）（回答状態）', 'string', 'answered = 回答あり, withheld = × 非掲載希望, unknown = - 不明, blank = 未回答・回答対象外'),
  ('cases', 'background_state', '調達の経緯（回答状態）', 'string', 'answered = 回答あり, withheld = × 非掲載希望, unknown = - 不明, blank = 未回答・回答対象外'),
  ('cases', 'effect_state', '調達の効果（回答状態）', 'string', 'answered = 回答あり, withheld = × 非掲載希望, unknown = - 不明, blank = 未回答・回答対象外'),
  ('cases', 'process_state', '共同調達の作業プロセス（回答状態）', 'string', 'answered = 回答あり, withheld = × 非掲載希望, unknown = - 不明, blank = 未回答・回答対象外'),
  ('cases', 'challenges_state', '調達の課題（回答状態）', 'string', 'answered = 回答あり, withheld = × 非掲載希望, unknown = - 不明, blank = 未回答・回答対象外'),
  ('system', 'system_id', 'システムID', 'string', NULL),
  ('system', 'division', 'システム分類（部門）', 'string', NULL),
  ('system', 'division_order', '部門の順序', 'integer', NULL),
  ('system', 'system_name', 'システム名', 'string', NULL),
  ('system', 'system_order', 'システムの順序', 'integer', NULL),
  ('prefecture', 'prefecture_code', '都道府県コード', 'string', NULL),
  ('prefecture', 'prefecture_name', '都道府県名', 'string', NULL),
  ('prefecture', 'region', '地域', 'string', NULL),
  ('prefecture', 'region_order', '地域の順序', 'integer', NULL),
  ('prefecture', 'municipality_count', '全自治体数', 'integer', NULL),
  ('prefecture', 'population_2020', '人口（令和2年国勢調査）', 'bigint', NULL),
  ('municipality', 'lg_code', '団体コード', 'string', NULL),
  ('municipality', 'prefecture_code', '都道府県コード', 'string', NULL),
  ('municipality', 'city_name', '市区町村名', 'string', NULL),
  ('municipality', 'display_name', '市区町村名（郡名付き）', 'string', NULL),
  ('case_subsidy', 'case_id', '事例ID', 'string', NULL),
  ('case_subsidy', 'subsidy_name', '補助金の名称', 'string', NULL),
  ('case_subsidy', 'provenance', 'データの出所', 'string', NULL),
  ('case_cost_basis', 'case_id', '事例ID', 'string', NULL),
  ('case_cost_basis', 'basis', '費用按分の基準', 'string', NULL),
  ('case_cost_basis', 'provenance', 'データの出所', 'string', NULL),
  ('participation', 'case_id', '事例ID', 'string', NULL),
  ('participation', 'lg_code', '団体コード', 'string', NULL),
  ('participation', 'provenance', 'データの出所', 'string', NULL);
COMMENT ON TABLE "model_catalog"."columns" IS 'モデルの列';
CREATE OR REPLACE TABLE "model_catalog"."relationships" (from_table VARCHAR, from_column VARCHAR, to_table VARCHAR, to_column VARCHAR, active BOOLEAN);
INSERT INTO "model_catalog"."relationships" VALUES
  ('cases', 'system_id', 'system', 'system_id', TRUE),
  ('cases', 'prefecture_code', 'prefecture', 'prefecture_code', TRUE),
  ('participation', 'case_id', 'cases', 'case_id', TRUE),
  ('case_subsidy', 'case_id', 'cases', 'case_id', TRUE),
  ('case_cost_basis', 'case_id', 'cases', 'case_id', TRUE),
  ('participation', 'lg_code', 'municipality', 'lg_code', TRUE),
  ('municipality', 'prefecture_code', 'prefecture', 'prefecture_code', FALSE);
COMMENT ON TABLE "model_catalog"."relationships" IS 'モデルのリレーションシップ（多対一）';
CREATE OR REPLACE TABLE "model_catalog"."measures" (name VARCHAR, label VARCHAR, "table" VARCHAR, sql VARCHAR, format VARCHAR, unit VARCHAR, description VARCHAR, example_sql VARCHAR);
INSERT INTO "model_catalog"."measures" VALUES
  ('case_count', '事例件数', 'cases', 'count(*)', 'count', '件', '共同調達の事例の数', 'SELECT count(*) AS "case_count" FROM "cases" AS "cases"'),
  ('prefecture_count', '共同調達している都道府県数', 'cases', 'count(DISTINCT "cases"."prefecture_code")', 'count', '都道府県', '事例が1件以上ある都道府県の数', 'SELECT count(DISTINCT "cases"."prefecture_code") AS "prefecture_count" FROM "cases" AS "cases"'),
  ('participant_total', '参加自治体数（延べ）', 'cases', 'CAST(coalesce(sum("cases"."participant_count"), 0) AS INTEGER)', 'count', '団体', '各事例の参加自治体数の合計（同じ市区町村が複数の事例に参加すると重複して数える）', 'SELECT CAST(coalesce(sum("cases"."participant_count"), 0) AS INTEGER) AS "participant_total" FROM "cases" AS "cases"'),
  ('case_share', '事例の割合', 'cases', 'count(*) / sum(count(*)) OVER ()', 'percent', NULL, '表示中の事例全体に占める割合（グループごと）。無回答などの区分も分母に含む', 'SELECT count(*) / sum(count(*)) OVER () AS "case_share" FROM "cases" AS "cases"'),
  ('subsidy_case_count', '補助金を利用した事例件数', 'case_subsidy', 'count(DISTINCT "case_subsidy"."case_id")', 'count', '件', '補助金を利用した事例の数（補助金の名称ごとに数えると、その補助金を利用した事例の数）', 'SELECT count(DISTINCT "case_subsidy"."case_id") AS "subsidy_case_count" FROM "case_subsidy" AS "case_subsidy"'),
  ('municipality_count', '参加市区町村数', 'participation', 'count(DISTINCT "participation"."lg_code")', 'count', '団体', '1件以上の事例に参加している市区町村の数（重複なし）', 'SELECT count(DISTINCT "participation"."lg_code") AS "municipality_count" FROM "participation" AS "participation"');
COMMENT ON TABLE "model_catalog"."measures" IS 'メジャー: 各ページの数値の定義。example_sql をそのまま実行すると全体の値が得られる';
CREATE OR REPLACE TABLE "model_catalog"."slicers" (name VARCHAR, label VARCHAR, field VARCHAR, label_field VARCHAR, kind VARCHAR, url_param VARCHAR);
INSERT INTO "model_catalog"."slicers" VALUES
  ('system', 'システム名', 'cases.system_id', 'system.system_name', 'list', 'sys'),
  ('year', '導入時期', 'cases.start_year', NULL, 'range', 'year'),
  ('prefecture', '都道府県', 'cases.prefecture_code', 'prefecture.prefecture_name', 'search', 'pref'),
  ('municipality', '参加市区町村', 'participation.lg_code', 'municipality.display_name', 'search', 'muni');
COMMENT ON TABLE "model_catalog"."slicers" IS 'スライサー（ページの絞り込み条件）';
CREATE OR REPLACE TABLE "model_catalog"."internal_tables" (name VARCHAR);
INSERT INTO "model_catalog"."internal_tables" VALUES
  ('raw_prefecture'),
  ('raw_municipality'),
  ('raw_system'),
  ('raw_cost_band'),
  ('raw_case'),
  ('raw_participation'),
  ('raw_case_subsidy'),
  ('raw_case_cost_basis'),
  ('raw_dataset'),
  ('agg_cases'),
  ('agg_participation');
COMMENT ON TABLE "model_catalog"."internal_tables" IS 'モデルのビューが読む元テーブルと集計テーブル（直接使わない。一覧では隠してよい）';
