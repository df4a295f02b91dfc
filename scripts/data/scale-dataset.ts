/**
 * `npm run data -- --scale <N> [--seed <s>] [--out <dir>]`: a synthetic dataset of
 * N cases for benchmarks, written as the same Parquet files (same names, same
 * columns) the site loads from static/data, into its own folder (default
 * data-scale/<N>/). Generated inside DuckDB, not as JS objects, so 1,000,000 cases
 * (≈ 25 million participation rows) need no more memory than DuckDB's own.
 *
 * Each generated case copies a case of the bundled survey chosen by a seeded hash
 * (so systems, prefectures, years and answer states keep the survey's mix), gets
 * a new id (G0000001…) and provenance 'synthetic', and brings its source's
 * participating municipalities (participation proportional: ≈ 24.7 per case, the
 * municipalities of the case's own prefecture). Free texts of published source
 * rows are replaced by 【合成】 so no published row's text is repeated as if it
 * were data.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ident, literal } from '../../src/lib/sql/quote.js';
import type { Tables } from './build-tables.js';
import { TABLE_SCHEMAS } from './parquet-schema.js';
import { CASE_COLUMNS } from './template-columns.js';
import { loadTable } from './write-parquet.js';

export const DEFAULT_SCALE_SEED = 20240131;

/** Columns of case.parquet that hold free text (replaced when the source row is published). */
const TEXT_COLUMNS = CASE_COLUMNS.filter((c) => c.kind.type === 'text').map((c) => c.key);

function caseIdSql(n: number): string {
  const width = Math.max(7, String(n).length);
  return `'G' || lpad(CAST(i + 1 AS VARCHAR), ${width}, '0')`;
}

/** The SELECT of each generated table, in the schema's column order. */
export function generatedSql(table: keyof Tables, n: number): string {
  const cols = TABLE_SCHEMAS[table].map(([c]) => ident(c)).join(', ');
  switch (table) {
    case 'case': {
      const texts = TEXT_COLUMNS.map((c) => `CASE WHEN s.provenance = 'published' AND s.${ident(c)} IS NOT NULL THEN '【合成】' ELSE s.${ident(c)} END AS ${ident(c)}`);
      return `SELECT ${cols} FROM (SELECT s.* REPLACE (p.case_id AS case_id, 'synthetic' AS provenance, '' AS synthetic_fields, ${texts.join(', ')}), p.i
        FROM pick p JOIN src s USING (src_idx)) ORDER BY i`;
    }
    case 'participation':
    case 'case_subsidy':
    case 'case_cost_basis': {
      const other = TABLE_SCHEMAS[table].map(([c]) => c).filter((c) => c !== 'case_id' && c !== 'provenance');
      return `SELECT p.case_id, ${other.map((c) => `t.${ident(c)}`).join(', ')}, 'synthetic' AS provenance
        FROM pick p JOIN src s USING (src_idx) JOIN ${ident(table)} t ON t.case_id = s.case_id ORDER BY p.i, ${other.map((c) => `t.${ident(c)}`).join(', ')}`;
    }
    case 'dataset':
      return `SELECT as_of, '合成データ（ベンチマーク用、${n}件、' || source || '）' AS source, 'scale' AS built_from, ${n} AS case_count,
        0 AS published_case_count, ${n} AS synthetic_case_count, 0 AS survey_case_count FROM dataset`;
    default:
      return `SELECT ${cols} FROM ${ident(table)}`;
  }
}

async function one(con: DuckDBConnection, sql: string): Promise<number> {
  return Number((await con.runAndReadAll(sql)).getRows()[0]?.[0]);
}

/**
 * Writes `${dir}/${table}.parquet` for every table from the bundled `tables`
 * scaled to `n` cases; returns the row counts read back from the files.
 */
export async function writeScaledParquet(tables: Tables, n: number, seed: number, dir: string): Promise<Record<string, number>> {
  if (!Number.isInteger(n) || n < 1) throw new Error(`--scale needs a whole number of cases ≥ 1, got ${n}`);
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  const counts: Record<string, number> = {};
  try {
    // Bounded memory: DuckDB spills the big sorts (25 million participation rows at N = 1,000,000) to disk.
    await con.run(`SET memory_limit = '1GB'`);
    await con.run(`SET temp_directory = ${literal(join(tmpdir(), 'kyodo-scale-spill'))}`);
    for (const [name, schema] of Object.entries(TABLE_SCHEMAS) as [keyof Tables, (typeof TABLE_SCHEMAS)[keyof Tables]][]) await loadTable(con, name, schema, tables[name]);
    const sources = await one(con, 'SELECT count(*) FROM "case"');
    await con.run(`CREATE TABLE src AS SELECT (row_number() OVER (ORDER BY case_id) - 1)::INTEGER AS src_idx, * FROM "case"`);
    // hash() is DuckDB's deterministic hash: the same seed gives the same dataset.
    await con.run(`CREATE TABLE pick AS SELECT i, ${caseIdSql(n)} AS case_id, (hash(i, ${Math.trunc(seed)}) % ${sources})::INTEGER AS src_idx FROM range(${n}) t(i)`);
    for (const name of Object.keys(TABLE_SCHEMAS) as (keyof Tables)[]) {
      const path = join(dir, `${name}.parquet`);
      await con.run(`COPY (${generatedSql(name, n)}) TO ${literal(path)} (FORMAT parquet, COMPRESSION zstd)`);
      // Every value read back, not just the row count: at 10,000,000 cases DuckDB 1.5.6 once wrote a
      // row group of case_cost_basis.basis as garbage bytes (invalid UTF-8) while spilling under the
      // 1 GB limit (docs/performance.md "Scale"); count(*) alone passed. Reading validates the strings.
      counts[name] = await one(con, `SELECT count(*), bit_xor(hash(COLUMNS(*))) FROM read_parquet(${literal(path)})`);
    }
  } finally {
    con.closeSync();
    instance.closeSync();
  }
  return counts;
}
