import { describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { plainValue } from '../db/plain-value';
import { fingerprint, objectNames } from './model-fingerprint';

describe('model fingerprint', () => {
  it('changes when a protected object changes, not when scratch objects come and go', async () => {
    const conn = await (await DuckDBInstance.create(':memory:')).connect();
    const meta = async (sql: string) =>
      (await conn.runAndReadAll(sql)).getRowObjectsJS().map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, plainValue(v)])));
    await conn.run('CREATE TABLE raw_t AS SELECT range AS x FROM range(10); CREATE VIEW t AS SELECT x FROM raw_t');
    const names = await objectNames(meta);
    expect([...names].sort()).toEqual(['main.raw_t', 'main.t']);
    const before = await fingerprint(meta, names);
    await conn.run('CREATE TABLE scratch AS SELECT 1 AS y');
    expect(await fingerprint(meta, names)).toBe(before);
    await conn.run('CREATE OR REPLACE VIEW t AS SELECT x * 2 AS x FROM raw_t');
    expect(await fingerprint(meta, names)).not.toBe(before);
    await conn.run('CREATE OR REPLACE VIEW t AS SELECT x FROM raw_t');
    expect(await fingerprint(meta, names)).toBe(before);
    await conn.run('DROP VIEW t');
    expect(await fingerprint(meta, names)).not.toBe(before);
  });
});
