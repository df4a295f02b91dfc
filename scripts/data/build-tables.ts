/**
 * Survey + reference → rows for each Parquet table, as plain arrays in schema
 * order. Kept free of DuckDB so it can be unit-tested and reused by the exporter.
 * Rows are produced on demand (a 2.5-million-row participation table is never
 * held twice: once as records, once as rows).
 */
import { COST_BANDS } from './cost-bands.js';
import type { Reference } from './reference-data.js';
import type { Survey } from './survey-record.js';
import { SYSTEMS } from './systems.js';
import { CASE_COLUMNS } from './template-columns.js';

export type Cell = string | number | null;
export type Row = Cell[];

export const AS_OF = '2024-01-31';
export const SOURCE =
  '都道府県を中心とした自治体システムの共同調達に関するダッシュボード（デジタル庁・総務省、2024年1月31日時点）を基に再構成。公開されていない項目は合成データ。';

/** A table's rows, produced each time `rows()` is iterated, and how many there are. */
export interface RowSet {
  count: number;
  rows: () => Iterable<Row>;
}

export interface Tables {
  prefecture: RowSet;
  municipality: RowSet;
  system: RowSet;
  cost_band: RowSet;
  case: RowSet;
  participation: RowSet;
  case_subsidy: RowSet;
  case_cost_basis: RowSet;
  dataset: RowSet;
}

const held = (rows: Row[]): RowSet => ({ count: rows.length, rows: () => rows });

function* mapped<T>(items: readonly T[], f: (item: T) => Row): Generator<Row> {
  for (const item of items) yield f(item);
}

function* flatMapped<T>(items: readonly T[], f: (item: T) => Row[]): Generator<Row> {
  for (const item of items) yield* f(item);
}

/** All rows of a row set as an array (small tables, tests, the browser export). */
export const allRows = (set: RowSet): Row[] => Array.from(set.rows());

export type BuiltFrom = 'bundled' | 'import';

export function buildTables(ref: Reference, survey: Survey, builtFrom: BuiltFrom): Tables {
  const caseRow = (c: Survey['cases'][number]): Row => {
    const row: Row = [c.caseId, c.provenance, c.syntheticFields.join(','), c.systemId, c.prefectureCode];
    for (const col of CASE_COLUMNS) {
      const k = col.kind.type;
      if (k === 'start') row.push(c.start.year, c.start.month, c.start.state);
      else if (k === 'multiText') row.push(c.subsidyNames.state === 'answered' ? c.subsidyNames.values.join(',') : null, c.subsidyNames.state);
      else if (k === 'multiEnum') row.push(c.costBasis.state === 'answered' ? c.costBasis.values.join(',') : null, c.costBasis.state);
      else if (k === 'text' || k === 'enum' || k === 'int' || k === 'band') {
        const a = c.fields[col.key] ?? { state: 'blank', value: null };
        row.push(a.state === 'answered' ? a.value : null, a.state);
      }
    }
    return row;
  };
  const subsidyRows = (c: Survey['cases'][number]): Row[] =>
    c.subsidyNames.values.map((n) => [c.caseId, n, c.syntheticFields.includes('subsidy_names') ? 'synthetic' : c.provenance]);
  const basisRows = (c: Survey['cases'][number]): Row[] =>
    c.costBasis.values.map((b) => [c.caseId, b, c.syntheticFields.includes('cost_basis') ? 'synthetic' : c.provenance]);
  const count = (p: string): number => survey.cases.filter((c) => c.provenance === p).length;
  return {
    prefecture: held(ref.prefectures.map((p) => [p.code, p.name, p.region, p.regionOrder, p.municipalityCount, p.population2020])),
    municipality: held(
      ref.municipalities.map((m) => [m.lgCode, m.lgCode5, m.prefectureCode, m.countyName === '' ? null : m.countyName, m.cityName, `${m.countyName}${m.cityName}`]),
    ),
    system: held(SYSTEMS.map((s) => [s.id, s.division, s.divisionOrder, s.name, s.order])),
    cost_band: held(COST_BANDS.map((label, i) => [i, label])),
    case: { count: survey.cases.length, rows: () => mapped(survey.cases, caseRow) },
    participation: { count: survey.participation.length, rows: () => mapped(survey.participation, (p) => [p.caseId, p.lgCode, p.provenance]) },
    // A name list is as trustworthy as its row: published rows' names come from the deck's system-level list only.
    case_subsidy: { count: survey.cases.reduce((n, c) => n + c.subsidyNames.values.length, 0), rows: () => flatMapped(survey.cases, subsidyRows) },
    case_cost_basis: { count: survey.cases.reduce((n, c) => n + c.costBasis.values.length, 0), rows: () => flatMapped(survey.cases, basisRows) },
    dataset: held([[AS_OF, SOURCE, builtFrom, survey.cases.length, count('published'), count('synthetic'), count('survey')]]),
  };
}
