/**
 * Every case list of the dashboard is read a page at a time through SQL (issue 8 point 6):
 * for random filter states over a scaled synthetic dataset (several pages per list), the
 * pages, concatenated, are the whole ordered list that an independent hand-written query
 * over the views gives, and the pager's count (the model's case_count under the same
 * filters) is its length. At survey scale every list is one page.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataset } from '$model/dataset';
import { NativeEngine } from '$lib/db/native-engine';
import type { Clause } from '$lib/filter/clause';
import type { CompileResult } from '$lib/query/spec';
import { buildTables } from '../../scripts/data/build-tables';
import { loadReference } from '../../scripts/data/load-reference';
import { loadSurvey } from '../../scripts/data/load-survey';
import { writeScaledParquet } from '../../scripts/data/scale-dataset';
import { countQuery, listQuery } from './cases/case-queries';
import { PAGE_SIZE } from './page-size';
import { SLICERS } from './filter-registry';
import { municipalityCasesQuery } from './participation/participation-queries';
import { casesQuery } from './prefectures/prefectures-queries';
import { prefectureCasesQuery } from './systems/systems-queries';

const N = 3000;
const work = mkdtempSync(join(tmpdir(), 'kyodo-paged-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let scaled: NativeEngine;
let survey: NativeEngine;
let systems: string[];
let prefectures: string[];
let municipalities: string[];

beforeAll(async () => {
  const ref = loadReference('data/reference');
  const loaded = loadSurvey('data/survey', ref, 'survey');
  if (!loaded.ok) throw new Error('bundled survey invalid');
  await writeScaledParquet(buildTables(ref, loaded.survey, 'bundled'), N, 7, work);
  scaled = await NativeEngine.open(dataset, work);
  survey = await NativeEngine.open(dataset, 'static/data');
  const col = async (sql: string) => (await scaled.query(sql)).map((r) => String(Object.values(r)[0]));
  systems = await col('SELECT system_id FROM system ORDER BY 1');
  prefectures = await col('SELECT prefecture_code FROM prefecture ORDER BY 1');
  // Municipalities that take part in many cases, so their lists run over several pages.
  municipalities = await col('SELECT lg_code FROM participation GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 40');
}, 120_000);

/** Each paged list: its query, and the order it promises, written by hand over the views. */
const LISTS = {
  'システム種別ごと: 都道府県の表': { page: prefectureCasesQuery, order: 'c.prefecture_code, c.case_id' },
  '都道府県ごと: 事例の一覧': { page: casesQuery, order: 'c.prefecture_code, s.system_order, c.case_id' },
  '市区町村: 選択した自治体の事例': { page: municipalityCasesQuery, order: 's.system_order, c.case_id' },
  事例一覧: { page: (f: readonly Clause[], p: number) => listQuery(f, undefined, p), order: 's.system_order, c.prefecture_code, c.case_id' }
} satisfies Record<string, { page: (f: readonly Clause[], p: number) => CompileResult; order: string }>;

interface State {
  systems: string[];
  prefectures: string[];
  municipalities: string[];
}
const clauses = (s: State): Clause[] =>
  (
    [
      [SLICERS.system, s.systems],
      [SLICERS.prefecture, s.prefectures],
      [SLICERS.municipality, s.municipalities]
    ] as const
  )
    .filter(([, values]) => values.length > 0)
    .map(([slicer, values]) => ({ source: slicer.source, field: slicer.field, predicate: { kind: 'in' as const, values } }));

/** The independent oracle: plain SQL over the views (string literals written here, not via src/lib/sql). */
const lit = (v: string) => `'${v.replaceAll("'", "''")}'`;
function oracle(s: State, order: string): string {
  const where = ['TRUE'];
  if (s.systems.length) where.push(`c.system_id IN (${s.systems.map(lit).join(', ')})`);
  if (s.prefectures.length) where.push(`c.prefecture_code IN (${s.prefectures.map(lit).join(', ')})`);
  if (s.municipalities.length) where.push(`c.case_id IN (SELECT case_id FROM participation WHERE lg_code IN (${s.municipalities.map(lit).join(', ')}))`);
  return `SELECT c.case_id FROM cases c JOIN system s ON s.system_id = c.system_id WHERE ${where.join(' AND ')} ORDER BY ${order}`;
}

const run = async (db: NativeEngine, c: CompileResult) => {
  if (!c.ok) throw new Error(c.error);
  return db.query(c.sql);
};

/** The pages of a list read one after another until the pager's count is reached, plus the next (empty) page. */
async function readAllPages(db: NativeEngine, page: (f: readonly Clause[], p: number) => CompileResult, filters: Clause[]) {
  const total = Number((await run(db, countQuery(filters)))[0]?.case_count);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const ids: string[] = [];
  const sizes: number[] = [];
  for (let p = 0; p <= pages; p++) {
    const rows = await run(db, page(filters, p));
    sizes.push(rows.length);
    ids.push(...rows.map((r) => String(r.case_id)));
  }
  return { total, ids, sizes };
}

describe('paged case lists', () => {
  it('the pages, concatenated, are the whole ordered list; the count is its length (random states, scaled data)', async () => {
    const pick = (all: () => string[], max: number) => fc.integer({ min: 0, max: 1_000_000 }).chain((seed) =>
      fc.subarray(all(), { maxLength: max }).map((v) => (seed % 3 === 0 ? [] : v))
    );
    const state = fc.record({ systems: pick(() => systems, 3), prefectures: pick(() => prefectures, 5), municipalities: pick(() => municipalities, 3) });
    let multiPage = 0;
    await fc.assert(
      fc.asyncProperty(state, async (s) => {
        for (const [name, list] of Object.entries(LISTS)) {
          const { total, ids, sizes } = await readAllPages(scaled, list.page, clauses(s));
          const whole = (await scaled.query(oracle(s, list.order))).map((r) => String(r.case_id));
          expect(ids, name).toEqual(whole);
          expect(total, name).toBe(whole.length);
          // Every page but the last is full, and the page after the last is empty.
          expect(sizes.slice(0, -2).every((n) => n === PAGE_SIZE), name).toBe(true);
          expect(sizes.at(-1), name).toBe(0);
          if (sizes.length > 2) multiPage++;
        }
      }),
      { numRuns: 12, seed: 20240131 }
    );
    // The states must reach lists of several pages, or this test proves nothing about paging.
    expect(multiPage).toBeGreaterThan(0);
  }, 180_000);

  it('at survey scale every list of the default views is one page (the pager stays hidden)', async () => {
    const states: State[] = [
      { systems: [], prefectures: [], municipalities: [] },
      { systems: ['S01'], prefectures: [], municipalities: [] }
    ];
    for (const s of states) {
      for (const [name, list] of Object.entries(LISTS)) {
        const { total, sizes } = await readAllPages(survey, list.page, clauses(s));
        expect(total, name).toBeLessThanOrEqual(PAGE_SIZE);
        expect(sizes, name).toEqual([total, 0]);
      }
    }
  });
});
