/**
 * Test helper: build the bundled survey into a temporary directory with the real
 * pipeline (CSV → validation → Parquet) and query the files with native DuckDB,
 * so the tests check exactly what the site will load.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildTables, type BuiltFrom } from '../build-tables.js';
import { loadSurvey } from '../load-survey.js';
import { loadReference } from '../load-reference.js';
import type { Reference } from '../reference-data.js';
import { ident, literal } from '../../../src/lib/sql/quote.js';
import { writeParquet, TABLE_SCHEMAS } from '../write-parquet.js';

export const REFERENCE_DIR = 'data/reference';
export const BUNDLED_DIR = 'data/survey';

export interface BuiltDataset {
  dir: string;
  ref: Reference;
  query: (sql: string) => Promise<Record<string, unknown>[]>;
  close: () => void;
}

/** Builds `surveyDir` to Parquet and exposes every table as a view named after the file. */
export async function buildDataset(surveyDir = BUNDLED_DIR, builtFrom: BuiltFrom = 'bundled'): Promise<BuiltDataset> {
  const ref = loadReference(REFERENCE_DIR);
  const loaded = loadSurvey(surveyDir, ref, 'survey');
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => `${p.file}:${p.row} ${p.column} ${p.en}`).join('\n'));
  const dir = mkdtempSync(join(tmpdir(), 'kyodo-data-'));
  await writeParquet(buildTables(ref, loaded.survey, builtFrom), dir);
  return openParquetDir(dir, ref, true);
}

export async function openParquetDir(dir: string, ref: Reference, owned: boolean): Promise<BuiltDataset> {
  const instance = await DuckDBInstance.create(':memory:');
  const con: DuckDBConnection = await instance.connect();
  for (const name of Object.keys(TABLE_SCHEMAS)) {
    await con.run(`CREATE VIEW ${ident(name)} AS SELECT * FROM read_parquet(${literal(join(dir, `${name}.parquet`))})`);
  }
  return {
    dir,
    ref,
    query: async (sql) => (await con.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[],
    close: () => {
      con.closeSync();
      instance.closeSync();
      if (owned) rmSync(dir, { recursive: true, force: true });
    },
  };
}
