import { beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import fc from 'fast-check';
import type { Clause } from '../filter/clause';
import { aggregationSetupSql, checkAggregation } from '../model/aggregation-sql';
import type { AggregationDef, SemanticModel } from '../model/types';
import { compileQuery } from './compile';
import type { QuerySpec } from './spec';
import { toyModel } from './toy-model.fixture';

// The toy star schema (toy-model.fixture.ts): sales of shops in cities, lines of sales.
const base: SemanticModel = toyModel;
const aggregations: AggregationDef[] = [
  { name: 'agg_sale', fact: 'sale', groupBy: ['sale.shop', 'sale.day'], measures: [{ measure: 'sales', kind: 'count' }, { measure: 'shops', kind: 'distinct', field: 'sale.shop' }] },
  { name: 'agg_line', fact: 'line', groupBy: ['sale.shop', 'line.item'], measures: [{ measure: 'items', kind: 'distinct', field: 'line.item' }] }
];
const toy: SemanticModel = { ...base, aggregations };

const clause = (field: string, values: (string | number | null)[]): Clause => ({ source: 's', field, predicate: { kind: 'in', values } });
const sqlOf = (spec: QuerySpec, model = toy) => {
  const r = compileQuery(model, spec);
  if (!r.ok) throw new Error(r.error);
  return r.sql;
};
const fromOf = (sql: string) => [...sql.matchAll(/FROM "(\w+)"/g)].map((m) => m[1]);

describe('routing a query to an aggregation table', () => {
  it('reads the aggregation table when every measure, dimension and filter field is covered', () => {
    expect(fromOf(sqlOf({ measures: ['sales', 'shops'], filters: [clause('sale.day', [1])] }))).toEqual(['agg_sale']);
    // A dimension of a table reached through a grouping column joins that table from the aggregation.
    const byCity = sqlOf({ measures: ['sales'], dimensions: ['shop.city'], filters: [clause('shop.city', ['Nara'])], orderBy: [{ key: 'city' }] });
    expect(fromOf(byCity)).toEqual(['agg_sale']);
    expect(byCity).toContain('LEFT JOIN "shop" AS "shop" ON "agg_sale"."shop" = "shop"."code"');
    // Each fact is routed on its own: both parts of a two-fact query.
    expect(fromOf(sqlOf({ measures: ['sales', 'items'], dimensions: ['sale.shop'], orderBy: [{ key: 'shop' }] }))).toEqual(['agg_sale', 'agg_line', 'f0']);
  });

  it('uses the base tables, exactly as without aggregations, when anything is not covered', () => {
    const notCovered: QuerySpec[] = [
      { measures: ['total'] }, // a measure the table does not answer
      { measures: ['sales'], dimensions: ['sale.amount'], orderBy: [{ key: 'amount' }] }, // not a grouping column
      { measures: ['sales'], filters: [clause('line.item', ['pen'])] }, // a semi-join from the many side
      { measures: ['sales', 'total'], filters: [clause('sale.day', [1])] } // one measure of the fact not answered
    ];
    for (const spec of notCovered) expect(sqlOf(spec)).toBe(sqlOf(spec, base));
    // The other fact of the same query may still be routed.
    const mixed = sqlOf({ measures: ['total', 'items'] });
    expect(fromOf(mixed)).toEqual(['sale', 'agg_line', 'f0']);
  });

  it('keeps errors as data and the same SQL for the same input', () => {
    expect(compileQuery(toy, { measures: ['sales'], filters: [clause('shop.nope', ['x'])] }).ok).toBe(false);
    const spec = { measures: ['sales', 'shops'], dimensions: ['shop.city'], orderBy: [{ key: 'city' }] };
    expect(sqlOf(spec)).toBe(sqlOf(structuredClone(spec)));
  });

  it('refuses a declaration whose measure is not what its kind assumes, and never routes to it', () => {
    const wrong: AggregationDef[] = [
      { name: 'a', fact: 'sale', groupBy: ['sale.day'], measures: [{ measure: 'shops', kind: 'distinct', field: 'sale.shop' }] }, // not grouped
      { name: 'b', fact: 'sale', groupBy: ['sale.day'], measures: [{ measure: 'total', kind: 'count' }] }, // not count(*)
      { name: 'c', fact: 'sale', groupBy: ['line.item'], measures: [] }, // not reachable many-to-one
      { name: 'd', fact: 'sale', groupBy: ['sale.shop', 'sale.shop'], measures: [] }, // one column twice
      { name: 'e', fact: 'line', groupBy: ['line.item'], measures: [{ measure: 'sales', kind: 'count' }] } // another fact's measure
    ];
    for (const agg of wrong) {
      expect(checkAggregation(toy, agg), agg.name).not.toBeNull();
      const model = { ...base, aggregations: [agg] };
      expect(() => aggregationSetupSql(model)).toThrow();
      for (const m of ['sales', 'shops', 'total', 'items']) expect(sqlOf({ measures: [m] }, model)).toBe(sqlOf({ measures: [m] }, base));
    }
    for (const agg of aggregations) expect(checkAggregation(toy, agg)).toBeNull();
  });
});

describe('an aggregation table answers as the base tables do (DuckDB)', () => {
  let conn: DuckDBConnection;
  const rows = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJS();
  const types = async (sql: string) => (await conn.runAndReadAll(`DESCRIBE ${sql}`)).getRowObjectsJS().map((r) => `${r.column_name}:${r.column_type}`);

  beforeAll(async () => {
    conn = await (await DuckDBInstance.create(':memory:')).connect();
    await conn.run(`CREATE TABLE sale AS SELECT * FROM (VALUES (1,'a',1,10),(2,'a',2,5),(3,'b',1,7),(4,'c',NULL,1),(5,NULL,2,3),(6,'z',1,2)) t(id,shop,day,amount);
      CREATE TABLE shop AS SELECT * FROM (VALUES ('a','Kyoto'),('b','Nara'),('c','Kyoto'),('d',NULL)) t(code,city);
      CREATE TABLE line AS SELECT * FROM (VALUES (1,'pen'),(1,'ink'),(2,'pen'),(3,'cup'),(4,NULL),(9,'mug')) t(sale_id,item);`);
    for (const stmt of aggregationSetupSql(toy)) await conn.run(stmt);
  });

  it('for random measures, dimensions and filters (NULL keys, unmatched keys, empty results)', async () => {
    const values: Record<string, (string | number | null)[]> = {
      'sale.shop': ['a', 'b', 'c', 'z', null], 'sale.day': [1, 2, null], 'shop.city': ['Kyoto', 'Nara', null],
      'line.item': ['pen', 'cup', null], 'sale.amount': [1, 5, 10]
    };
    const arbClause = fc.constantFrom(...Object.keys(values)).chain((field) =>
      fc.subarray(values[field]!).map((vs) => clause(field, vs)));
    const arbSpec = fc.record({
      measures: fc.subarray(['sales', 'shops', 'total', 'items'], { minLength: 1 }),
      dimensions: fc.subarray(['sale.shop', 'sale.day', 'shop.city', 'line.item']),
      filters: fc.array(arbClause, { maxLength: 3 }),
      nonNullDimensions: fc.boolean()
    });
    let routed = 0;
    await fc.assert(fc.asyncProperty(arbSpec, async (s) => {
      const spec: QuerySpec = { ...s, orderBy: s.dimensions.length ? [{ key: s.dimensions[0]!.split('.')[1]! }] : [] };
      const viaAgg = compileQuery(toy, spec);
      const viaBase = compileQuery(base, spec);
      expect(viaAgg.ok).toBe(viaBase.ok);
      if (!viaAgg.ok || !viaBase.ok) return;
      if (viaAgg.sql !== viaBase.sql) routed++;
      expect(await rows(viaAgg.sql)).toEqual(await rows(viaBase.sql));
      expect(await types(viaAgg.sql)).toEqual(await types(viaBase.sql));
    }), { numRuns: 300, seed: 8 });
    expect(routed).toBeGreaterThan(30);
  });
});
