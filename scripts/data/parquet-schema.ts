/**
 * Column layout of every Parquet file the site consumes (the contract with the
 * SQL views). Names and types here must not be renamed; new columns may be added.
 */
import type { Tables } from './build-tables.js';
import { CASE_COLUMNS } from './template-columns.js';

export type SqlType = 'VARCHAR' | 'INTEGER' | 'BIGINT' | 'DATE';
export type TableSchema = readonly (readonly [string, SqlType])[];

export const PREFECTURE_SCHEMA: TableSchema = [
  ['prefecture_code', 'VARCHAR'],
  ['prefecture_name', 'VARCHAR'],
  ['region', 'VARCHAR'],
  ['region_order', 'INTEGER'],
  ['municipality_count', 'INTEGER'],
  ['population_2020', 'BIGINT'],
];

export const MUNICIPALITY_SCHEMA: TableSchema = [
  ['lg_code', 'VARCHAR'],
  ['lg_code_5', 'VARCHAR'],
  ['prefecture_code', 'VARCHAR'],
  ['county_name', 'VARCHAR'],
  ['city_name', 'VARCHAR'],
  ['display_name', 'VARCHAR'],
];

export const SYSTEM_SCHEMA: TableSchema = [
  ['system_id', 'VARCHAR'],
  ['division', 'VARCHAR'],
  ['division_order', 'INTEGER'],
  ['system_name', 'VARCHAR'],
  ['system_order', 'INTEGER'],
];

export const COST_BAND_SCHEMA: TableSchema = [
  ['band_order', 'INTEGER'],
  ['band_label', 'VARCHAR'],
];

export const PARTICIPATION_SCHEMA: TableSchema = [
  ['case_id', 'VARCHAR'],
  ['lg_code', 'VARCHAR'],
  ['provenance', 'VARCHAR'],
];

export const CASE_SUBSIDY_SCHEMA: TableSchema = [
  ['case_id', 'VARCHAR'],
  ['subsidy_name', 'VARCHAR'],
  ['provenance', 'VARCHAR'],
];

export const CASE_COST_BASIS_SCHEMA: TableSchema = [
  ['case_id', 'VARCHAR'],
  ['basis', 'VARCHAR'],
  ['provenance', 'VARCHAR'],
];

export const DATASET_SCHEMA: TableSchema = [
  ['as_of', 'DATE'],
  ['source', 'VARCHAR'],
  ['built_from', 'VARCHAR'],
  ['case_count', 'INTEGER'],
  ['published_case_count', 'INTEGER'],
  ['synthetic_case_count', 'INTEGER'],
  ['survey_case_count', 'INTEGER'],
];

/** Answer columns of case.parquet: value column(s) + state column, derived from the template. */
function answerColumns(): [string, SqlType][] {
  const out: [string, SqlType][] = [];
  for (const col of CASE_COLUMNS) {
    const k = col.kind.type;
    if (k === 'start') out.push(['start_year', 'INTEGER'], ['start_month', 'INTEGER'], ['start_state', 'VARCHAR']);
    else if (k === 'band') out.push([`${col.key}_order`, 'INTEGER'], [`${col.key}_state`, 'VARCHAR']);
    else if (k === 'int') out.push([col.key, col.key === 'participant_population' ? 'BIGINT' : 'INTEGER'], [`${col.key}_state`, 'VARCHAR']);
    // Multi-valued answers live in case_subsidy / case_cost_basis; here only a display string and the state.
    else if (k === 'multiText' || k === 'multiEnum' || k === 'text' || k === 'enum') out.push([col.key, 'VARCHAR'], [`${col.key}_state`, 'VARCHAR']);
  }
  return out;
}

export const CASE_SCHEMA: TableSchema = [
  ['case_id', 'VARCHAR'],
  ['provenance', 'VARCHAR'],
  ['synthetic_fields', 'VARCHAR'],
  ['system_id', 'VARCHAR'],
  ['prefecture_code', 'VARCHAR'],
  ...answerColumns(),
];

/** Every Parquet file the site loads (`${name}.parquet`) and its columns. */
export const TABLE_SCHEMAS: Record<keyof Tables, TableSchema> = {
  prefecture: PREFECTURE_SCHEMA,
  municipality: MUNICIPALITY_SCHEMA,
  system: SYSTEM_SCHEMA,
  cost_band: COST_BAND_SCHEMA,
  case: CASE_SCHEMA,
  participation: PARTICIPATION_SCHEMA,
  case_subsidy: CASE_SUBSIDY_SCHEMA,
  case_cost_basis: CASE_COST_BASIS_SCHEMA,
  dataset: DATASET_SCHEMA,
};
