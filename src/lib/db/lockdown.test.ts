import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { arrowToRows } from './arrow-rows';
import { LOCKDOWN_CHECK_SQL, LOCKDOWN_SQL, lockdownHolds, lockedSetupScript } from './lockdown';

// The same wasm build as the browser (duckdb-wasm 1.32 = DuckDB 1.4.3), run synchronously in Node.
// Instantiated once for the file; each call opens a new database in it (`open` replaces the
// previous one: no tables, settings unlocked), instead of instantiating the 34 MB wasm per
// property run, which was most of this file's time.
let instance: ReturnType<typeof duckdb.createDuckDB> | undefined;
async function wasmDb() {
  instance ??= (async () => {
    const dist = createRequire(import.meta.url).resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm').replace(/duckdb-eh\.wasm$/, '');
    const bundles = { mvp: { mainModule: `${dist}duckdb-mvp.wasm`, mainWorker: '' }, eh: { mainModule: `${dist}duckdb-eh.wasm`, mainWorker: '' } };
    const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
    await db.instantiate();
    return db;
  })();
  const db = await instance;
  db.open({});
  const conn = db.connect();
  const run = (sql: string) => arrowToRows(conn.query(sql));
  const error = (sql: string) => {
    try {
      conn.query(sql);
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
    return null;
  };
  return { run, error, conn };
}

describe('lockdown in DuckDB-WASM', () => {
  it('closes files, URLs and extensions, and cannot be undone by a statement', async () => {
    const { run, error } = await wasmDb();
    expect(lockdownHolds(run(LOCKDOWN_CHECK_SQL)[0])).toBe(false);
    for (const s of LOCKDOWN_SQL) run(s);
    expect(lockdownHolds(run(LOCKDOWN_CHECK_SQL)[0])).toBe(true);
    expect(error("SELECT * FROM read_csv('https://blocked.invalid/x.csv')")).toMatch(/Permission Error.*disabled by configuration/s);
    expect(error("COPY (SELECT 1) TO 'https://blocked.invalid/o.csv'")).toMatch(/Permission Error/);
    expect(error("ATTACH 'https://blocked.invalid/d.duckdb'")).toMatch(/Permission Error/);
    expect(error('LOAD json')).toMatch(/extensions is disabled/);
    expect(error("SELECT * FROM read_json('x.json')")).toMatch(/Extension Autoloading Error/);
    expect(error('SET enable_external_access = true')).not.toBeNull();
    expect(error("SET custom_extension_repository = 'https://blocked.invalid/'")).toMatch(/locked/);
    expect(error('SET lock_configuration = false')).toMatch(/locked/);
  });
});

describe('the setup script with the lockdown in one round trip', () => {
  it('runs every setup statement before the lock, and its result is the check that the lock holds', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ value: fc.integer(), comment: fc.boolean() }), { maxLength: 5 }), async (tables) => {
        const { run, conn } = await wasmDb();
        const setup = tables.map((t, i) => `CREATE TABLE t${i} AS SELECT ${t.value} AS x${t.comment ? ' -- a trailing comment' : ''}`);
        const result = arrowToRows(conn.query(lockedSetupScript(setup)));
        expect(result).toHaveLength(1);
        expect(lockdownHolds(result[0])).toBe(true);
        tables.forEach((t, i) => expect(run(`SELECT x FROM t${i}`)).toEqual([{ x: t.value }]));
      }),
      { numRuns: 8 }
    );
  }, 60000);
});
