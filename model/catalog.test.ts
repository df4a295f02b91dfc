import { describe, expect, it } from 'vitest';
import { NativeEngine } from '../src/lib/db/native-engine';
import { dataset } from './dataset';
import { model } from './kyodo-model';
import { catalogSql } from '../src/lib/model/catalog-sql';

/** Tables the views read: the dataset's loaded files. */
const INTERNAL_TABLES = dataset.tables.map((t) => t.name);

describe('the 共同調達 model catalog (sql/catalog.sql)', () => {
  it('is what sql/catalog.sql holds (regenerate: npx vitest run model/catalog.test.ts -u)', async () => {
    await expect(catalogSql(model, INTERNAL_TABLES)).toMatchFileSnapshot('../sql/catalog.sql');
  });

  it('documents every view and column and lists the measures with SQL that reproduces them', async () => {
    const db = await NativeEngine.open(dataset, 'static/data');
    // Model tables are views, or tables sql/views.sql computes once at load (`cases`).
    const views = await db.query(
      `SELECT view_name, comment FROM duckdb_views() WHERE NOT internal UNION ALL SELECT table_name, comment FROM duckdb_tables() WHERE schema_name = 'main'`
    );
    for (const t of model.tables) expect(views.find((v) => v.view_name === t.name)?.comment, t.name).toContain(t.label);
    const cols = await db.query(`SELECT table_name, column_name, comment FROM duckdb_columns() WHERE comment IS NOT NULL`);
    expect(cols.length).toBe(model.tables.reduce((n, t) => n + t.columns.length, 0));
    const measures = await db.query(`SELECT name, label, example_sql FROM model_catalog.measures ORDER BY name`);
    expect(measures.map((m) => m.name)).toEqual(model.measures.map((m) => m.name).sort());
    const caseCount = measures.find((m) => m.name === 'case_count');
    expect((await db.query(String(caseCount?.example_sql)))[0]?.case_count).toBe(245);
    expect((await db.query(`SELECT count(*) AS n FROM model_catalog.slicers`))[0]?.n).toBe(model.slicers.length);
    const internal = (await db.query(`SELECT name FROM model_catalog.internal_tables ORDER BY 1`)).map((r) => r.name);
    // The aggregation tables the compiler reads are internal too: hidden from the console's list.
    expect(internal).toEqual([...INTERNAL_TABLES, ...(model.aggregations ?? []).map((a) => a.name)].sort());
  });
});
