import { beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import fc from 'fast-check';
import { compileQuery, compileRows } from './compile';
import { toyModel } from './toy-model.fixture';

// The toy star schema (toy-model.fixture.ts): the compiler must not know the domain.
const toy = toyModel;

let conn: DuckDBConnection;
async function rows(sql: string) {
  return (await conn.runAndReadAll(sql)).getRowObjectsJS();
}
function sqlOf(r: ReturnType<typeof compileQuery>): string {
  if (!r.ok) throw new Error(r.error);
  return r.sql;
}

beforeAll(async () => {
  conn = await (await DuckDBInstance.create(':memory:')).connect();
  await conn.run(`CREATE TABLE sale AS SELECT * FROM (VALUES (1,'a',10),(2,'a',5),(3,'b',7),(4,'c',1)) t(id,shop,amount);
    CREATE TABLE shop AS SELECT * FROM (VALUES ('a','Kyoto'),('b','Nara'),('c','Kyoto')) t(code,city);
    CREATE TABLE line AS SELECT * FROM (VALUES (1,'pen'),(1,'ink'),(2,'pen'),(3,'cup')) t(sale_id,item);`);
});

describe('compileQuery', () => {
  it('groups a measure by a dimension reached through a many-to-one relationship', async () => {
    const sql = sqlOf(compileQuery(toy, { measures: ['sales', 'total'], dimensions: ['shop.city'], orderBy: [{ key: 'city' }] }));
    expect(await rows(sql)).toEqual([{ city: 'Kyoto', sales: 3n, total: 16 }, { city: 'Nara', sales: 1n, total: 7 }]);
  });

  it('applies in and range clauses with quoted values, and hostile values match nothing', async () => {
    const filters = [
      { source: 'x', field: 'shop.city', predicate: { kind: 'in' as const, values: ['Kyoto', "x' OR '1'='1"] } },
      { source: 'y', field: 'sale.amount', predicate: { kind: 'range' as const, min: 2, max: null } }
    ];
    expect(await rows(sqlOf(compileQuery(toy, { measures: ['sales'], filters })))).toEqual([{ sales: 2n }]);
  });

  it('leaves out NULL dimension values when asked (a histogram axis), with no clause needed', async () => {
    const spec = { measures: ['sales'], dimensions: ['line.item'], orderBy: [{ key: 'item' }] };
    await conn.run(`CREATE OR REPLACE TABLE line AS SELECT * FROM (VALUES (1,'pen'),(1,'ink'),(2,'pen'),(3,'cup'),(4,NULL)) t(sale_id,item)`);
    try {
      const all = await rows(sqlOf(compileQuery(toy, { ...spec, measures: ['items'] })));
      expect(all.length).toBe(4);
      const known = await rows(sqlOf(compileQuery(toy, { ...spec, measures: ['items'], nonNullDimensions: true })));
      expect(known.map((r) => r.item)).toEqual(['cup', 'ink', 'pen']);
    } finally {
      await conn.run(`CREATE OR REPLACE TABLE line AS SELECT * FROM (VALUES (1,'pen'),(1,'ink'),(2,'pen'),(3,'cup')) t(sale_id,item)`);
    }
  });

  it('evaluates measures of two facts separately and stitches them on the dimensions', async () => {
    const sql = sqlOf(compileQuery(toy, { measures: ['sales', 'items'], dimensions: ['shop.city'], orderBy: [{ key: 'city' }] }));
    expect(await rows(sql)).toEqual([{ city: 'Kyoto', sales: 3n, items: 2n }, { city: 'Nara', sales: 1n, items: 1n }]);
  });

  it('turns a filter on the many side into a semi-join (sales that sold a pen)', async () => {
    const filters = [{ source: 'x', field: 'line.item', predicate: { kind: 'in' as const, values: ['pen'] } }];
    expect(await rows(sqlOf(compileQuery(toy, { measures: ['sales', 'total'], filters })))).toEqual([{ sales: 2n, total: 15 }]);
  });

  it('orders rows that tie on the requested keys by the dimensions, whatever order the rows were stored in (property)', async () => {
    const sql = sqlOf(compileQuery(toy, { measures: ['sales'], dimensions: ['sale.shop'], orderBy: [{ key: 'sales', desc: true }] }));
    // 'm' has two sales, every other shop one: 25 shops tie.
    const shops = [...'abcdefghijklmnopqrstuvwxyz'];
    const stored = [...shops, 'm'].map((shop, i) => [i, shop] as const);
    const want = ['m', ...shops.filter((x) => x !== 'm')];
    try {
      await fc.assert(
        fc.asyncProperty(fc.shuffledSubarray(stored, { minLength: stored.length }), async (order) => {
          await conn.run(`CREATE OR REPLACE TABLE sale AS SELECT * FROM (VALUES ${order.map(([i, s]) => `(${i},'${s}',1)`).join(',')}) t(id,shop,amount)`);
          expect((await rows(sql)).map((r) => r.shop)).toEqual(want);
        }),
        { numRuns: 10 }
      );
    } finally {
      await conn.run(`CREATE OR REPLACE TABLE sale AS SELECT * FROM (VALUES (1,'a',10),(2,'a',5),(3,'b',7),(4,'c',1)) t(id,shop,amount)`);
    }
  });

  it('is pure: the same spec gives the same SQL text', () => {
    const spec = { measures: ['sales'], dimensions: ['shop.city'] };
    expect(compileQuery(toy, spec)).toEqual(compileQuery(toy, spec));
  });

  it('returns errors as data for unknown measures, fields and order keys', () => {
    expect(compileQuery(toy, { measures: ['nope'] })).toMatchObject({ ok: false });
    expect(compileQuery(toy, { measures: ['sales'], dimensions: ['shop.nope'] })).toMatchObject({ ok: false });
    expect(compileQuery(toy, { measures: ['sales'], orderBy: [{ key: 'x; DROP TABLE sale' }] })).toMatchObject({ ok: false });
  });
});

describe('compileRows', () => {
  it('lists rows with columns of related tables under filters', async () => {
    const r = compileRows(toy, {
      from: 'sale', columns: ['sale.id', 'shop.city'],
      filters: [{ source: 'x', field: 'shop.city', predicate: { kind: 'in', values: ['Nara'] } }]
    });
    expect(await rows(sqlOf(r))).toEqual([{ id: 3, city: 'Nara' }]);
  });
});

describe('compileRows pages', () => {
  it('reads a long list a page at a time: the pages, concatenated, are the whole ordered list', async () => {
    const page = async (offset: number) => {
      const c = compileRows(toy, { from: 'sale', columns: ['sale.id'], orderBy: [{ key: 'id' }], limit: 2, offset });
      if (!c.ok) throw new Error(c.error);
      return (await rows(c.sql)).map((r) => Number(r.id));
    };
    const all = compileRows(toy, { from: 'sale', columns: ['sale.id'], orderBy: [{ key: 'id' }] });
    if (!all.ok) throw new Error(all.error);
    const whole = (await rows(all.sql)).map((r) => Number(r.id));
    const pages: number[] = [];
    for (let o = 0; o < whole.length + 2; o += 2) pages.push(...(await page(o)));
    expect(pages).toEqual(whole);
  });
  it('refuses an offset that is not a whole number ≥ 0 (errors as data)', () => {
    for (const offset of [-1, 1.5, Number.NaN, Infinity]) {
      expect(compileRows(toy, { from: 'sale', columns: ['sale.id'], limit: 2, offset }).ok).toBe(false);
    }
  });
});
