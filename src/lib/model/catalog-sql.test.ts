import { describe, expect, it } from 'vitest';
import { NativeEngine } from '../db/native-engine';
import { splitStatements } from '../sql/split-statements';
import { catalogSql } from './catalog-sql';
import type { SemanticModel } from './types';

/** A two-table model over inline rows: the catalog generator knows no particular survey. */
const fixture: SemanticModel = {
  name: 'shop',
  label: 'Shop',
  tables: [
    { name: 'item', label: '品目', description: '売っているもの', columns: [{ name: 'item_id', label: '品目ID', type: 'string' }, { name: 'kind', label: '種類', type: 'string', description: "it's\nmultiline" }] },
    { name: 'sale', label: '売上', description: '1行1販売', columns: [{ name: 'item_id', label: '品目ID', type: 'string' }, { name: 'qty', label: '数量', type: 'integer' }] }
  ],
  relationships: [{ from: { table: 'sale', column: 'item_id' }, to: { table: 'item', column: 'item_id' } }],
  measures: [{ name: 'sale_count', label: '販売件数', table: 'sale', sql: 'count(*)', format: 'count', unit: '件', description: '販売の数' }],
  slicers: [{ name: 'kind', label: '種類', field: 'item.kind', kind: 'list', param: 'k' }]
};
const VIEWS = [
  `CREATE VIEW item AS SELECT * FROM (VALUES ('a', 'x'), ('b', 'y')) v(item_id, kind)`,
  `CREATE VIEW sale AS SELECT * FROM (VALUES ('a', 1), ('a', 2), ('b', 5)) v(item_id, qty)`
];

describe('catalogSql', () => {
  it('documents every view and column, and lists measures with SQL that reproduces them', async () => {
    const db = await NativeEngine.open({ tables: [], setupSql: [...VIEWS, ...splitStatements(catalogSql(fixture))] }, '.');
    const views = await db.query(`SELECT view_name, comment FROM duckdb_views() WHERE NOT internal ORDER BY 1`);
    expect(views.map((v) => [v.view_name, v.comment])).toEqual([['item', '品目: 売っているもの'], ['sale', '売上: 1行1販売']]);
    const cols = await db.query(`SELECT table_name, column_name, comment FROM duckdb_columns() WHERE comment IS NOT NULL`);
    expect(cols.length).toBe(4);
    expect(cols.find((c) => c.column_name === 'kind')?.comment).toBe("種類: it's multiline");
    const [m] = await db.query(`SELECT name, label, example_sql FROM model_catalog.measures`);
    expect(m?.label).toBe('販売件数');
    expect((await db.query(String(m?.example_sql)))[0]?.sale_count).toBe(3);
    expect(await db.query(`SELECT name, url_param FROM model_catalog.slicers`)).toEqual([{ name: 'kind', url_param: 'k' }]);
  });
});
