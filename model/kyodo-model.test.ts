import { beforeAll, describe, expect, it } from 'vitest';
import { NativeEngine } from '../src/lib/db/native-engine';
import { compileQuery } from '../src/lib/query/compile';
import type { Clause } from '../src/lib/filter/clause';
import { DIVISION_TOTALS, FACILITY, SECURITY_CLOUD, SYSTEM_COUNTS, TOTAL_CASES } from '../scripts/data/generator/published-facts';
import { kpiQuery, prefecturesQuery, systemsQuery } from '../src/routes/overview-queries';
import { dataset } from './dataset';
import { model } from './kyodo-model';

// The model compiled to SQL and run on native DuckDB over the built Parquet (npm run data)
// must give the figures the published dashboard shows.
let db: NativeEngine;
beforeAll(async () => {
  db = await NativeEngine.open(dataset, 'static/data');
});

async function run(r: ReturnType<typeof compileQuery>) {
  if (!r.ok) throw new Error(r.error);
  return db.query(r.sql);
}
const system = (id: string): Clause => ({ source: 't', field: 'cases.system_id', predicate: { kind: 'in', values: [id] } });

describe('semantic model over the views', () => {
  it('declares only columns the views really have', async () => {
    for (const t of model.tables) {
      const cols = (await db.query(`SELECT column_name FROM (DESCRIBE "${t.name}")`)).map((r) => r.column_name);
      for (const c of t.columns) expect(cols, `${t.name}.${c.name}`).toContain(c.name);
    }
  });

  it('counts 245 cases in all and the published count for every system and 部門', async () => {
    expect((await run(kpiQuery([])))[0]?.case_count).toBe(TOTAL_CASES);
    const rows = await run(systemsQuery([]));
    expect(rows.map((r) => [r.system_id, r.case_count])).toEqual(SYSTEM_COUNTS.map(([id, n]) => [id, n]));
    const byDivision: Record<string, number> = {};
    for (const r of rows) byDivision[String(r.division)] = (byDivision[String(r.division)] ?? 0) + Number(r.case_count);
    expect(byDivision).toEqual(DIVISION_TOTALS);
  });

  it('counts the published number of prefectures for each system', async () => {
    for (const [id, , prefectures] of SYSTEM_COUNTS) {
      if (prefectures === null) continue;
      const [row] = await run(compileQuery(model, { measures: ['prefecture_count'], filters: [system(id)] }));
      expect(row?.prefecture_count, id).toBe(prefectures);
    }
  });

  it('gives 施設予約システム’s participating municipalities per prefecture as published', async () => {
    const rows = await run(
      compileQuery(model, { measures: ['municipality_count'], dimensions: ['prefecture.prefecture_name'], filters: [system(FACILITY.systemId)] })
    );
    const got = Object.fromEntries(rows.map((r) => [r.prefecture_name, r.municipality_count]));
    expect(got).toEqual(Object.fromEntries(FACILITY.participants));
  });

  it('filters the prefecture visual by a system clause (cross-filter direction systems → prefectures)', async () => {
    const rows = await run(prefecturesQuery([system(SECURITY_CLOUD.systemId)]));
    expect(rows.length).toBe(44);
    expect(rows.reduce((s, r) => s + Number(r.case_count), 0)).toBe(47);
  });
});
