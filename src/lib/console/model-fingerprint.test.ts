import { describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { plainValue } from '../db/plain-value';
import { fingerprint, isShadowing, modelNames } from './model-fingerprint';

async function setup() {
  const conn = await (await DuckDBInstance.create(':memory:')).connect();
  const meta = async (sql: string) =>
    (await conn.runAndReadAll(sql)).getRowObjectsJS().map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, plainValue(v)])));
  await conn.run('CREATE TABLE raw_t AS SELECT range AS x FROM range(10); CREATE VIEW t AS SELECT x FROM raw_t');
  await conn.run('CREATE SCHEMA model_catalog; CREATE TABLE model_catalog.measures AS SELECT 1 AS m');
  const names = await modelNames(meta);
  return { conn, meta, names, before: await fingerprint(meta, names) };
}

describe('model fingerprint', () => {
  it('changes when a protected object changes, not when scratch objects come and go', async () => {
    const { conn, meta, names, before } = await setup();
    expect([...names.objects].sort()).toEqual(['main.raw_t', 'main.t', 'model_catalog.measures']);
    await conn.run('CREATE TABLE scratch AS SELECT 1 AS y');
    await conn.run('CREATE TEMP TABLE scratch2 AS SELECT 1 AS y; CREATE SCHEMA mine; CREATE TABLE mine.measures AS SELECT 1 AS y');
    expect(await fingerprint(meta, names)).toBe(before);
    await conn.run('CREATE OR REPLACE VIEW t AS SELECT x * 2 AS x FROM raw_t');
    expect(await fingerprint(meta, names)).not.toBe(before);
    await conn.run('CREATE OR REPLACE VIEW t AS SELECT x FROM raw_t');
    expect(await fingerprint(meta, names)).toBe(before);
    await conn.run('DROP VIEW t');
    expect(await fingerprint(meta, names)).not.toBe(before);
  });

  // Each of these made `t` or `raw_t` answer with something other than the model (issue 10, point 3).
  it.each([
    ['a temp table named like a model table', 'CREATE TEMP TABLE temp.raw_t AS SELECT * FROM main.raw_t LIMIT 1'],
    ['a view in another schema (then put first on search_path)', "CREATE SCHEMA shadow; CREATE VIEW shadow.t AS SELECT 42 AS x; SET search_path = 'shadow,main'"],
    ['a table in an attached database', "ATTACH ':memory:' AS m2; CREATE TABLE m2.main.t AS SELECT 1 AS x"],
    ['a schema.name in an attached database (then USE it)', "ATTACH ':memory:' AS m3; CREATE SCHEMA m3.model_catalog; CREATE TABLE m3.model_catalog.measures AS SELECT 2 AS m; USE m3"],
    ['a temp macro named like a built-in function', "CREATE TEMP MACRO lower(s) AS 'hacked'"]
  ])('sees shadowing: %s', async (_, sql) => {
    const { conn, meta, names, before } = await setup();
    await conn.run(sql);
    const after = await fingerprint(meta, names);
    expect(after).not.toBe(before);
    expect(isShadowing(before, after)).toBe(true);
  });
});
