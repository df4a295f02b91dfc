-- The model's views over the raw tables loaded from static/data/*.parquet (raw_*).
-- Runs unchanged in DuckDB-WASM (browser) and native DuckDB (build, tests).
-- Pages and the query compiler only ever read these views, never raw_* tables.

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

-- One row per case. `provenance` says whether the row is shown in the published deck
-- ('published'), generated ('synthetic') or imported from a real survey file ('survey').
CREATE OR REPLACE VIEW cases AS
SELECT *
FROM raw_case;

-- Case × participating municipality.
CREATE OR REPLACE VIEW participation AS
SELECT case_id, lg_code, provenance
FROM raw_participation;

CREATE OR REPLACE VIEW dataset AS
SELECT * FROM raw_dataset;
