import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DuckDBInstance } from '@duckdb/node-api';
import { plainValue } from '../db/plain-value';
import { literal } from '../sql/quote';
import { CAP_BYTES, CAP_CHARS, cappedQuery, isPlainQuery, wholeValueSql, type DescribedColumn } from './capped-query';

async function db() {
  const conn = await (await DuckDBInstance.create(':memory:')).connect();
  return async (sql: string) =>
    (await conn.runAndReadAll(sql)).getRowsJS().map((r) => r.map((v) => plainValue(v)));
}
const describeCols = async (run: (s: string) => Promise<unknown[][]>, sql: string): Promise<DescribedColumn[]> =>
  (await run(`DESCRIBE ${sql}`)).map((r) => ({ name: String(r[0]), type: String(r[1]) }));

describe('cappedQuery', () => {
  it('cuts only text values over the cap, keeps every other value, the order and duplicate names, and reports full sizes', async () => {
    const run = await db();
    const sql = `SELECT n, repeat('あ', n) AS t, n AS t, NULL::VARCHAR AS z FROM (VALUES (1), (2000), (5)) v(n) ORDER BY n DESC -- trailing comment`;
    const q = cappedQuery(sql, await describeCols(run, sql))!;
    expect(q.visible).toBe(4);
    expect([...q.lengths]).toEqual([[1, 4], [3, 5]]);
    const rows = await run(q.sql);
    expect(rows.map((r) => r[0])).toEqual([2000, 5, 1]);
    expect(rows[0]![1]).toBe('あ'.repeat(CAP_CHARS)); // 6,000 bytes > CAP_BYTES: cut
    expect(rows[0]![4]).toBe(6000);
    expect(rows[1]![1]).toBe('あああああ'); // small: whole
    expect(rows[1]![2]).toBe(5);
    expect(rows[2]![3]).toBeNull();
    expect(rows[2]![5]).toBeNull();
  });

  it('is not needed without text columns, and only plain queries are wrapped', () => {
    expect(cappedQuery('SELECT 1', [{ name: 'x', type: 'INTEGER' }])).toBeNull();
    for (const s of ['SELECT 1', ' with t as (select 1) select * from t', 'FROM cases', 'VALUES (1)', '(SELECT 1)', '/* c */ SELECT 1']) expect(isPlainQuery(s), s).toBe(true);
    for (const s of ['DESCRIBE cases', 'EXPLAIN SELECT 1', 'PIVOT cases ON x', 'CREATE TABLE t AS SELECT 1', 'SET threads = 1']) expect(isPlainQuery(s), s).toBe(false);
  });

  it('returns the same rows as the query itself whenever no value is over the cap (property)', async () => {
    const run = await db();
    await fc.assert(
      fc.asyncProperty(fc.array(fc.option(fc.string({ maxLength: 30, unit: 'binary' }).map((s) => s.replaceAll('\u0000', '')), { nil: null }), { minLength: 1, maxLength: 12 }), async (values) => {
        const list = values.map((v) => literal(v)).join('), (');
        const sql = `SELECT s::VARCHAR AS s, length(s::VARCHAR) AS n FROM (VALUES (${list})) v(s)`;
        const q = cappedQuery(sql, await describeCols(run, sql))!;
        const capped = (await run(q.sql)).map((r) => r.slice(0, q.visible));
        expect(capped).toEqual(await run(sql));
      }),
      { numRuns: 40 }
    );
  });

  it('fetches one whole value again by row and column', async () => {
    const run = await db();
    const sql = `SELECT n, repeat('x', n * 3000) AS t FROM range(1, 4) r(n)`;
    const [[v]] = (await run(wholeValueSql(sql, 2, 1))) as [[string]];
    expect(v.length).toBe(9000);
    expect(CAP_BYTES).toBeLessThan(9000);
  });
});
