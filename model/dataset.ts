import type { DatasetSpec } from '../src/lib/db/types';
import { splitStatements } from '../src/lib/sql/split-statements';
import viewsSql from '../sql/views.sql?raw';
import catalogSql from '../sql/catalog.sql?raw';
import { aggregationSetupSql } from '../src/lib/model/aggregation-sql';
import { model } from './kyodo-model';

/** The Parquet files `npm run data` writes to static/data/, each loaded as a raw_* table. */
export const dataset: DatasetSpec = {
  tables: ['prefecture', 'municipality', 'system', 'cost_band', 'case', 'participation', 'case_subsidy', 'case_cost_basis', 'dataset'].map((f) => ({
    name: `raw_${f}`,
    file: `${f}.parquet`
  })),
  // The model's aggregation tables (src/lib/model/aggregation-sql.ts) are made after the views.
  setupSql: [...splitStatements(viewsSql), ...aggregationSetupSql(model)],
  // catalog.sql documents the views (COMMENT ON) and adds the queryable model_catalog schema (the dashboard's engine runs it on demand).
  catalogSql: splitStatements(catalogSql)
};

/** Shown on every page, as the published dashboard does. */
export const AS_OF = '2024-01-31';
export const AS_OF_LABEL = '2024年1月31日時点';
