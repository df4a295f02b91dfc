-- Generated from the semantic model by src/lib/model/catalog-sql.ts: do not edit by hand.
-- Regenerate with: npx vitest run src/lib/model/catalog-sql.test.ts -u

-- Comments on the model views (DuckDB catalog: duckdb_views(), duckdb_columns()).
COMMENT ON VIEW "cases" IS '共同調達の事例: 都道府県を中心とした共同調達の事例（1行1事例）';
COMMENT ON COLUMN "cases"."case_id" IS '事例ID';
COMMENT ON COLUMN "cases"."provenance" IS 'データの出所: published = 公開資料に掲載, synthetic = 合成データ, survey = 調査票から取り込み';
COMMENT ON COLUMN "cases"."system_id" IS 'システムID';
COMMENT ON COLUMN "cases"."prefecture_code" IS '都道府県コード';
COMMENT ON COLUMN "cases"."service_name" IS 'サービス名';
COMMENT ON COLUMN "cases"."start_year" IS '導入時期（年）';
COMMENT ON COLUMN "cases"."start_month" IS '導入時期（月）';
COMMENT ON COLUMN "cases"."participant_count" IS '参加自治体数: 参加する市区町村の数（都道府県・一部事務組合を含まない）';
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
  ('participation', '参加自治体', '事例ごとの参加市区町村（1行1参加）');
COMMENT ON TABLE "model_catalog"."tables" IS 'モデルのテーブル（ビュー）';
CREATE OR REPLACE TABLE "model_catalog"."columns" (table_name VARCHAR, name VARCHAR, label VARCHAR, type VARCHAR, description VARCHAR);
INSERT INTO "model_catalog"."columns" VALUES
  ('cases', 'case_id', '事例ID', 'string', NULL),
  ('cases', 'provenance', 'データの出所', 'string', 'published = 公開資料に掲載, synthetic = 合成データ, survey = 調査票から取り込み'),
  ('cases', 'system_id', 'システムID', 'string', NULL),
  ('cases', 'prefecture_code', '都道府県コード', 'string', NULL),
  ('cases', 'service_name', 'サービス名', 'string', NULL),
  ('cases', 'start_year', '導入時期（年）', 'integer', NULL),
  ('cases', 'start_month', '導入時期（月）', 'integer', NULL),
  ('cases', 'participant_count', '参加自治体数', 'integer', '参加する市区町村の数（都道府県・一部事務組合を含まない）'),
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
  ('participation', 'case_id', '事例ID', 'string', NULL),
  ('participation', 'lg_code', '団体コード', 'string', NULL),
  ('participation', 'provenance', 'データの出所', 'string', NULL);
COMMENT ON TABLE "model_catalog"."columns" IS 'モデルの列';
CREATE OR REPLACE TABLE "model_catalog"."relationships" (from_table VARCHAR, from_column VARCHAR, to_table VARCHAR, to_column VARCHAR, active BOOLEAN);
INSERT INTO "model_catalog"."relationships" VALUES
  ('cases', 'system_id', 'system', 'system_id', TRUE),
  ('cases', 'prefecture_code', 'prefecture', 'prefecture_code', TRUE),
  ('participation', 'case_id', 'cases', 'case_id', TRUE),
  ('participation', 'lg_code', 'municipality', 'lg_code', TRUE),
  ('municipality', 'prefecture_code', 'prefecture', 'prefecture_code', FALSE);
COMMENT ON TABLE "model_catalog"."relationships" IS 'モデルのリレーションシップ（多対一）';
CREATE OR REPLACE TABLE "model_catalog"."measures" (name VARCHAR, label VARCHAR, "table" VARCHAR, sql VARCHAR, format VARCHAR, unit VARCHAR, description VARCHAR, example_sql VARCHAR);
INSERT INTO "model_catalog"."measures" VALUES
  ('case_count', '事例件数', 'cases', 'count(*)', 'count', '件', '共同調達の事例の数', 'SELECT count(*) AS "case_count" FROM "cases" AS "cases"'),
  ('prefecture_count', '共同調達している都道府県数', 'cases', 'count(DISTINCT "cases"."prefecture_code")', 'count', '都道府県', '事例が1件以上ある都道府県の数', 'SELECT count(DISTINCT "cases"."prefecture_code") AS "prefecture_count" FROM "cases" AS "cases"'),
  ('participant_total', '参加自治体数（延べ）', 'cases', 'CAST(coalesce(sum("cases"."participant_count"), 0) AS INTEGER)', 'count', '団体', '各事例の参加自治体数の合計（同じ市区町村が複数の事例に参加すると重複して数える）', 'SELECT CAST(coalesce(sum("cases"."participant_count"), 0) AS INTEGER) AS "participant_total" FROM "cases" AS "cases"'),
  ('municipality_count', '参加市区町村数', 'participation', 'count(DISTINCT "participation"."lg_code")', 'count', '団体', '1件以上の事例に参加している市区町村の数（重複なし）', 'SELECT count(DISTINCT "participation"."lg_code") AS "municipality_count" FROM "participation" AS "participation"');
COMMENT ON TABLE "model_catalog"."measures" IS 'メジャー: 各ページの数値の定義。example_sql をそのまま実行すると全体の値が得られる';
CREATE OR REPLACE TABLE "model_catalog"."slicers" (name VARCHAR, label VARCHAR, field VARCHAR, label_field VARCHAR, kind VARCHAR);
INSERT INTO "model_catalog"."slicers" VALUES
  ('system', 'システム名', 'cases.system_id', 'system.system_name', 'list'),
  ('start_year', '導入時期', 'cases.start_year', NULL, 'range'),
  ('prefecture', '都道府県', 'cases.prefecture_code', 'prefecture.prefecture_name', 'search');
COMMENT ON TABLE "model_catalog"."slicers" IS 'スライサー（ページの絞り込み条件）';
