/**
 * The dashboard's engine starts without the catalog SQL (BrowserEngine.start, `catalog:
 * false`); should it ever need it, it runs after the lockdown. In DuckDB-WASM itself (its Node
 * build, the same wasm as the browser's), in the browser engine's order: inserts, views,
 * lockdown, then the catalog. Every statement of sql/catalog.sql must run under the lock, the
 * comments and model_catalog must then be what an at-start instance (the console's) has, and
 * the lockdown must still hold and still refuse external access.
 */
import { describe, expect, it } from 'vitest';
import { dataset } from '../../../model/dataset';
import { LOCKDOWN_CHECK_SQL, lockdownHolds } from './lockdown';
import { startNodeWasm, type NodeWasmConn as Conn } from './node-wasm.fixture';

const started = (catalog: 'at-start' | 'after-lockdown') => startNodeWasm(undefined, catalog);

const rows = (conn: Conn, sql: string) => conn.query(sql).toArray().map((r) => r.toJSON());
const CATALOG_VIEW = `SELECT schema_name, table_name, column_name, comment FROM duckdb_columns() WHERE comment IS NOT NULL
  UNION ALL SELECT schema_name, view_name, NULL, comment FROM duckdb_views() WHERE comment IS NOT NULL AND NOT internal ORDER BY ALL`;

describe('the catalog SQL run on demand, after the lockdown', () => {
  it('gives the same comments and model_catalog as at start, and the lockdown still holds', async () => {
    expect(dataset.catalogSql?.length).toBeGreaterThan(0);
    const [early, late] = [await started('at-start'), await started('after-lockdown')];
    const comments = rows(early, CATALOG_VIEW);
    expect(comments.length).toBeGreaterThan(100);
    expect(rows(late, CATALOG_VIEW)).toEqual(comments);
    const measures = 'SELECT * FROM model_catalog.measures ORDER BY ALL';
    expect(rows(early, measures).length).toBeGreaterThan(0);
    expect(rows(late, measures)).toEqual(rows(early, measures));
    expect(lockdownHolds(rows(late, LOCKDOWN_CHECK_SQL)[0])).toBe(true);
    expect(() => late.query('SET enable_external_access = true')).toThrow();
    expect(() => late.query(`SELECT * FROM read_csv('/etc/hostname')`)).toThrow();
  }, 60000);
});
