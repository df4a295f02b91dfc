-- The model's views over the raw tables loaded from static/data/*.parquet (raw_*).
-- Runs unchanged in DuckDB-WASM (browser) and native DuckDB (build, tests).
-- Pages and the query compiler only ever read these views (and the `cases` table made
-- here from raw_case), never raw_* tables.

CREATE OR REPLACE VIEW prefecture AS
SELECT prefecture_code, prefecture_name, region, region_order, municipality_count, population_2020
FROM raw_prefecture;

CREATE OR REPLACE VIEW municipality AS
SELECT * FROM raw_municipality;

CREATE OR REPLACE VIEW system AS
SELECT system_id, division, division_order, system_name, system_order
FROM raw_system;

CREATE OR REPLACE VIEW cost_band AS
SELECT band_order, band_label FROM raw_cost_band;

-- How a survey answer is shown in tables: the value, or the published symbols
-- × (非掲載希望 withheld), - (不明 unknown), blank (未回答・回答対象外).
CREATE OR REPLACE MACRO answer_display(v, s) AS
  CASE s WHEN 'answered' THEN CAST(v AS VARCHAR) WHEN 'withheld' THEN '×' WHEN 'unknown' THEN '-' ELSE '' END;

-- The same, as a category for charts: non-answers stay visible as their own slices.
CREATE OR REPLACE MACRO answer_category(v, s) AS
  CASE s WHEN 'answered' THEN CAST(v AS VARCHAR) WHEN 'withheld' THEN '非掲載希望' WHEN 'unknown' THEN '不明' ELSE '未回答・回答対象外' END;

-- One row per case. `provenance` says whether the row is shown in the published deck
-- ('published'), generated ('synthetic') or imported from a real survey file ('survey');
-- `synthetic_fields` lists the generated parts of a published row.
-- A TABLE, computed once when the data is loaded (the raw tables never change afterwards):
-- every query of the dashboard reads `cases`, and expanding its joins and answer macros per
-- query — and even binding a `SELECT *` view of its ~60 columns — was most of the engine's
-- time in a cross-filter click (issue 8 point 5; docs/performance.md). It is documented and
-- protected like the views (sql/catalog.sql, the console's write guard).
-- Whatever replaces a raw_* table must run this file again (CREATE OR REPLACE refreshes it).
CREATE OR REPLACE TABLE cases AS
SELECT
  c.*,
  CASE c.start_state
    WHEN 'answered' THEN CAST(c.start_year AS VARCHAR) || CASE WHEN c.start_month IS NULL THEN '' ELSE '年' || c.start_month || '月' END
    ELSE answer_display(NULL, c.start_state) END AS start_display,
  answer_display(ib.band_label, c.initial_cost_band_state) AS initial_cost_band,
  answer_display(ab.band_label, c.annual_cost_band_state) AS annual_cost_band,
  answer_category(c.environment, c.environment_state) AS environment_answer,
  answer_category(c.pref_burden, c.pref_burden_state) AS pref_burden_answer,
  answer_category(c.subsidy, c.subsidy_state) AS subsidy_answer,
  answer_category(c.pref_adoption, c.pref_adoption_state) AS pref_adoption_answer,
  answer_category(c.selection_method, c.selection_method_state) AS selection_method_answer
FROM raw_case c
LEFT JOIN raw_cost_band ib ON ib.band_order = c.initial_cost_band_order
LEFT JOIN raw_cost_band ab ON ab.band_order = c.annual_cost_band_order;

-- Case × subsidy name (many per case).
CREATE OR REPLACE VIEW case_subsidy AS
SELECT case_id, subsidy_name, provenance FROM raw_case_subsidy;

-- Case × cost-allocation basis (人口割, 均等割, …; many per case).
CREATE OR REPLACE VIEW case_cost_basis AS
SELECT case_id, basis, provenance FROM raw_case_cost_basis;

-- Case × participating municipality.
CREATE OR REPLACE VIEW participation AS
SELECT case_id, lg_code, provenance
FROM raw_participation;

CREATE OR REPLACE VIEW dataset AS
SELECT * FROM raw_dataset;
