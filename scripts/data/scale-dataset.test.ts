/**
 * The scaled synthetic dataset (`npm run data -- --scale <N>`): the same files and
 * columns as static/data, every view of sql/views.sql runs over it, the counts are
 * as asked, participation stays proportional and consistent, and the seed decides.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataset } from '../../model/dataset.js';
import { NativeEngine } from '../../src/lib/db/native-engine.js';
import { buildTables, type Tables } from './build-tables.js';
import { loadReference } from './load-reference.js';
import { loadSurvey } from './load-survey.js';
import { TABLE_SCHEMAS } from './parquet-schema.js';
import { DEFAULT_SCALE_SEED, writeScaledParquet } from './scale-dataset.js';
import { writeParquet } from './write-parquet.js';

const work = mkdtempSync(join(tmpdir(), 'kyodo-scale-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const ref = loadReference('data/reference');
let tables: Tables;
const N = 1234;
let db: NativeEngine;
let bundled: NativeEngine;

async function scaled(n: number, seed: number): Promise<{ dir: string; counts: Record<string, number> }> {
  const dir = mkdtempSync(join(work, `n${n}-`));
  return { dir, counts: await writeScaledParquet(tables, n, seed, dir) };
}
const one = async (e: NativeEngine, sql: string) => Object.values((await e.query(sql))[0] ?? {})[0];

beforeAll(async () => {
  const loaded = loadSurvey('data/survey', ref, 'survey');
  if (!loaded.ok) throw new Error('bundled survey invalid');
  tables = buildTables(ref, loaded.survey, 'bundled');
  const bundledDir = mkdtempSync(join(work, 'bundled-'));
  await writeParquet(tables, bundledDir);
  bundled = await NativeEngine.open(dataset, bundledDir);
  db = await NativeEngine.open(dataset, (await scaled(N, DEFAULT_SCALE_SEED)).dir);
}, 60_000);

describe('scaled dataset', () => {
  it('writes the same file names with the same columns and types as the build', async () => {
    const { dir } = await scaled(50, 1);
    expect(readdirSync(dir).sort()).toEqual(Object.keys(TABLE_SCHEMAS).map((t) => `${t}.parquet`).sort());
    const columns = `SELECT table_name, column_name, data_type FROM duckdb_columns() WHERE table_name LIKE 'raw_%' ORDER BY table_name, column_index`;
    expect(await db.query(columns)).toEqual(await bundled.query(columns));
  });

  it('has exactly N cases, all synthetic, and the dataset row says so', async () => {
    expect(await one(db, 'SELECT count(*) FROM cases')).toBe(N);
    expect(await one(db, 'SELECT count(DISTINCT case_id) FROM cases')).toBe(N);
    expect(await db.query(`SELECT DISTINCT provenance FROM cases`)).toEqual([{ provenance: 'synthetic' }]);
    expect(await db.query('SELECT case_count, synthetic_case_count, built_from FROM raw_dataset')).toEqual([{ case_count: N, synthetic_case_count: N, built_from: 'scale' }]);
  });

  it('runs every view of the model over it', async () => {
    const views = await bundled.query(`SELECT view_name FROM duckdb_views() WHERE NOT internal AND schema_name = 'main'`);
    expect(views.length).toBeGreaterThanOrEqual(5);
    for (const { view_name } of views) {
      const n = Number(await one(db, `SELECT count(*) FROM "${String(view_name)}"`));
      const inBundled = Number(await one(bundled, `SELECT count(*) FROM "${String(view_name)}"`));
      // Case-level views grow with N; dimension views stay as they are.
      if (inBundled > 0) expect(n, String(view_name)).toBeGreaterThan(0);
    }
  });

  it('keeps participation proportional and consistent: answered 参加自治体数 = listed rows, all in the case’s prefecture', async () => {
    const perCase = Number(await one(db, 'SELECT count(*) / (SELECT count(*) FROM cases) FROM participation'));
    const bundledPerCase = Number(await one(bundled, 'SELECT count(*) / (SELECT count(*) FROM cases) FROM participation'));
    expect(perCase).toBeGreaterThan(bundledPerCase * 0.7);
    expect(perCase).toBeLessThan(bundledPerCase * 1.3);
    const mismatched = `SELECT count(*) FROM cases c WHERE c.participant_count_state = 'answered'
      AND c.participant_count <> (SELECT count(*) FROM participation p WHERE p.case_id = c.case_id)`;
    expect(await one(db, mismatched)).toBe(0);
    const otherPref = `SELECT count(*) FROM participation p JOIN cases c USING (case_id) JOIN municipality m USING (lg_code) WHERE m.prefecture_code <> c.prefecture_code`;
    expect(await one(db, otherPref)).toBe(0);
    expect(await one(db, `SELECT count(*) FROM participation WHERE case_id NOT IN (SELECT case_id FROM cases)`)).toBe(0);
  });

  it('keeps the survey’s mix of systems (every system of the survey occurs at N = 1234)', async () => {
    const systems = (r: Record<string, unknown>[]) => r.map((x) => x['system_id']);
    const q = 'SELECT DISTINCT system_id FROM cases ORDER BY 1';
    expect(systems(await db.query(q))).toEqual(systems(await bundled.query(q)));
  });

  it('never repeats a published row’s free text (e.g. the one published phone number)', async () => {
    const contact = await one(bundled, `SELECT contact FROM cases WHERE contact IS NOT NULL LIMIT 1`);
    expect(contact).toBeTruthy();
    expect(await one(db, `SELECT count(*) FROM cases WHERE contact = '${String(contact).replace(/'/g, "''")}'`)).toBe(0);
  });

  it('is decided by the seed: same seed, same data; another seed, other data', async () => {
    const rows = async (seed: number) => {
      const e = await NativeEngine.open(dataset, (await scaled(300, seed)).dir);
      return e.query('SELECT case_id, system_id, prefecture_code, start_year FROM cases ORDER BY case_id');
    };
    const a = await rows(7);
    expect(await rows(7)).toEqual(a);
    expect(await rows(8)).not.toEqual(a);
  });
});
