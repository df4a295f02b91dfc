/**
 * The model's aggregation tables (kyodo-model.ts `aggregations`) in native DuckDB, over the
 * shipped data and a 3000-case scaled dataset (what `npm run data -- --scale 3000` writes):
 * for random filter clauses over every filterable field, covered or not, every page's
 * queries and random measure × dimension queries return exactly the rows, in the order and
 * with the types, of the same query over the base tables.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTables } from '../scripts/data/build-tables';
import { loadReference } from '../scripts/data/load-reference';
import { loadSurvey } from '../scripts/data/load-survey';
import { DEFAULT_SCALE_SEED, writeScaledParquet } from '../scripts/data/scale-dataset';
import { NativeEngine } from '../src/lib/db/native-engine';
import type { Clause } from '../src/lib/filter/clause';
import { checkAggregation } from '../src/lib/model/aggregation-sql';
import { compileQuery } from '../src/lib/query/compile';
import type { Bindings } from '../src/lib/query/query-binding';
import type { CompileResult, QuerySpec } from '../src/lib/query/spec';
import { overviewBindings } from '../src/routes/overview-queries';
import { overviewPage } from '../src/routes/overview-page';
import { participationBindings } from '../src/routes/participation/participation-queries';
import { systemsBindings } from '../src/routes/systems/systems-queries';
import { dataset } from './dataset';
import { model } from './kyodo-model';

const declared = model.aggregations ?? [];
/** The same compile with the model's aggregations set aside: the base tables' SQL. */
function overBase<T>(compile: () => T): T {
  model.aggregations = [];
  try {
    return compile();
  } finally {
    model.aggregations = declared;
  }
}
const clause = (field: string, values: (string | number | null)[]): Clause => ({ source: 't', field, predicate: { kind: 'in', values } });
const fromOf = (r: CompileResult) => (r.ok ? [...r.sql.matchAll(/FROM "(\w+)"/g)].map((m) => m[1]) : r.error);

describe('the model declares aggregation tables', () => {
  it('that are valid, and the overview under its own cross-filter fields reads only them', () => {
    for (const agg of declared) expect(checkAggregation(model, agg), agg.name).toBeNull();
    const own = [clause('cases.system_id', ['S01', 'S07']), clause('cases.prefecture_code', ['13']), { ...clause('cases.start_year', []), predicate: { kind: 'range' as const, min: 2015, max: null } }];
    expect(fromOf(overviewBindings.kpi.compile(own))).toEqual(['agg_cases', 'agg_participation', 'f0']);
    for (const key of ['systems', 'prefectures', 'years'] as const) expect(fromOf(overviewBindings[key].compile(own))).toEqual(['agg_cases']);
  });

  it('and a filter they do not cover (a municipality, an answer) falls back to the base tables', () => {
    const muni = [clause('participation.lg_code', ['131016'])];
    // The case counts need a semi-join from participation: base; the municipality count's table groups by lg_code.
    expect(fromOf(overviewBindings.kpi.compile(muni))).toEqual(['cases', 'participation', 'agg_participation', 'f0']);
    for (const key of ['systems', 'prefectures', 'years'] as const) {
      expect(fromOf(overviewBindings[key].compile(muni))).toEqual(['cases', 'participation']);
      const answer = [clause('cases.environment', ['クラウドサービス'])];
      expect(overviewBindings[key].compile(answer)).toEqual(overBase(() => overviewBindings[key].compile(answer)));
    }
  });
});

// Every field a page or slicer filters on, plus fields reached through a grouping column and one never covered.
const FIELDS = [...new Set([...model.slicers.map((s) => s.field), ...overviewPage.visuals.map((v) => v.select!.field),
  'system.division', 'prefecture.region', 'cases.environment', 'cases.start_month'])];
const INTEGER = new Set(['cases.start_year', 'cases.start_month']);
const PAGES: Bindings[] = [overviewBindings, systemsBindings, participationBindings];
const MEASURES = ['case_count', 'prefecture_count', 'municipality_count', 'participant_total', 'subsidy_case_count'];
const DIMENSIONS = ['cases.system_id', 'system.division', 'cases.prefecture_code', 'prefecture.region', 'cases.start_year', 'cases.environment', 'participation.lg_code'];

const work = mkdtempSync(join(tmpdir(), 'kyodo-agg-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.each([
  ['the shipped data', async () => 'static/data'],
  ['a 3000-case scaled dataset', async () => {
    const ref = loadReference('data/reference');
    const loaded = loadSurvey('data/survey', ref, 'survey');
    if (!loaded.ok) throw new Error('bundled survey invalid');
    await writeScaledParquet(buildTables(ref, loaded.survey, 'bundled'), 3000, DEFAULT_SCALE_SEED, work);
    return work;
  }]
])('over %s, routed queries answer as the base tables', (_, dir) => {
  let db: NativeEngine;
  const values: Record<string, (string | number | null)[]> = {};
  beforeAll(async () => {
    db = await NativeEngine.open(dataset, await dir());
    for (const f of FIELDS) {
      const [t, c] = f.split('.');
      values[f] = (await db.query(`SELECT DISTINCT "${c}" AS v FROM "${t}" ORDER BY 1 LIMIT 60`)).map((r) => r.v as string | number | null);
      values[f]!.push(f.endsWith('_code') ? '999999' : 'none'); // a key no row has
    }
  }, 120_000);

  const arbClause = fc.constantFrom(...FIELDS).chain((field) =>
    INTEGER.has(field)
      ? fc.record({ min: fc.option(fc.integer({ min: 1990, max: 2030 })), max: fc.option(fc.integer({ min: 1990, max: 2030 })) })
        .map(({ min, max }): Clause => ({ source: 't', field, predicate: { kind: 'range', min, max } }))
      : fc.constant(field).chain(() => fc.subarray(values[field]!, { maxLength: 4 }).map((vs) => clause(field, vs))));
  const arbSpec = fc.record({
    measures: fc.subarray(MEASURES, { minLength: 1 }),
    dimensions: fc.subarray(DIMENSIONS, { maxLength: 2 }),
    nonNullDimensions: fc.boolean()
  });

  const sorted = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).sort();
  /** Same rows, same order (or, `ordered` false, same multiset), same column types; true when routed. */
  async function same(viaAgg: CompileResult, viaBase: CompileResult, ordered = true): Promise<boolean> {
    expect(viaAgg.ok).toBe(viaBase.ok);
    if (!viaAgg.ok || !viaBase.ok) return false;
    // Not routed: the very same SQL text, nothing to compare (running it twice only cost time).
    if (viaAgg.sql === viaBase.sql) return false;
    const [a, b] = [await db.query(viaAgg.sql), await db.query(viaBase.sql)];
    if (ordered) expect(a).toEqual(b);
    else expect(sorted(a)).toEqual(sorted(b));
    expect(await db.query(`DESCRIBE ${viaAgg.sql}`)).toEqual(await db.query(`DESCRIBE ${viaBase.sql}`));
    return true;
  }

  it('for every page query and random queries under random clauses', async () => {
    let routed = 0;
    await fc.assert(fc.asyncProperty(fc.array(arbClause, { maxLength: 3 }), arbSpec, async (filters, s) => {
      for (const page of PAGES) {
        for (const b of Object.values(page)) if (await same(b.compile(filters), overBase(() => b.compile(filters)))) routed++;
      }
      const spec: QuerySpec = { ...s, filters, orderBy: s.dimensions.length ? [{ key: s.dimensions[0]!.split('.')[1]! }] : [] };
      // Two facts stitched on a dimension keep one row per fact for a NULL key (NULL never joins),
      // rows that tie on every ORDER BY key: compared as a multiset.
      if (await same(compileQuery(model, spec), overBase(() => compileQuery(model, spec)), false)) routed++;
    }), { numRuns: 60, seed: 20240131 });
    expect(routed).toBeGreaterThan(60);
  }, 300_000);
});
