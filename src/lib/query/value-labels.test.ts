import { beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { valueLabels, valueLabelsQuery } from './value-labels';
import { toyModel } from './toy-model.fixture';

// The toy star schema (toy-model.fixture.ts): sale.shop → shop.code, shop.city the label.
let conn: DuckDBConnection;
const rows = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJS();

beforeAll(async () => {
  conn = await (await DuckDBInstance.create(':memory:')).connect();
  await conn.run(`CREATE TABLE sale AS SELECT * FROM (VALUES (1,'a',10),(2,'a',5)) t(id,shop,amount);
    CREATE TABLE shop AS SELECT * FROM (VALUES ('a','Kyoto'),('b','Nara'),('c','Kyoto')) t(code,city);`);
});

describe('valueLabels', () => {
  it('finds the label table’s key through the key field’s relationship, or the field itself in its own table', () => {
    expect(valueLabels(toyModel, 'sale.shop', 'shop.city')).toEqual({ key: 'shop.code', labelField: 'shop.city' });
    expect(valueLabels(toyModel, 'shop.code', 'shop.city')).toEqual({ key: 'shop.code', labelField: 'shop.city' });
    expect(valueLabels(toyModel, 'sale.amount', 'shop.city')).toHaveProperty('error');
  });
});

describe('valueLabelsQuery', () => {
  const where = valueLabels(toyModel, 'sale.shop', 'shop.city') as { key: string; labelField: string };

  it('names just the values asked, in key order; a value the data lacks has no row', async () => {
    const q = valueLabelsQuery(toyModel, where, ['c', 'zz', 'a']);
    if (!q?.ok) throw new Error(q ? q.error : 'no query');
    expect([q.keyAlias, q.labelAlias]).toEqual(['code', 'city']);
    // Every shop, sold or not: the names come from the label table, not from the facts.
    expect(await rows(q.sql)).toEqual([{ code: 'a', city: 'Kyoto' }, { code: 'c', city: 'Kyoto' }]);
  });

  it('quotes the values: a hostile one matches nothing', async () => {
    const q = valueLabelsQuery(toyModel, where, ["a' OR '1'='1", 'b']);
    if (!q?.ok) throw new Error('no query');
    expect(await rows(q.sql)).toEqual([{ code: 'b', city: 'Nara' }]);
  });

  it('asks nothing for no values', () => {
    expect(valueLabelsQuery(toyModel, where, [])).toBeNull();
  });
});
