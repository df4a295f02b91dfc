import { describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { LOCKDOWN_SQL } from '../db/lockdown';
import { explainError } from './error-message';

/** Runs `setup` then `sql` in a fresh native DuckDB and returns the error `sql` raised. */
async function errorOf(sql: string, setup: string[] = []): Promise<unknown> {
  const conn = await (await DuckDBInstance.create(':memory:')).connect();
  for (const s of setup) await conn.run(s);
  try {
    await conn.run(sql);
  } catch (e) {
    return e;
  }
  throw new Error(`no error from ${sql}`);
}
const explain = async (sql: string, setup: string[] = []) => explainError(await errorOf(sql, setup), sql);

describe('explainError', () => {
  it('finds the failing position of a syntax error and glosses it in Japanese', async () => {
    const sql = 'SELECT 1,\n  2 FORM range(3)';
    const e = explainError(await errorOf(sql), sql);
    expect(e.kind).toBe('構文エラー');
    expect(e.japanese).toContain('「range」の付近');
    expect(e.english).toContain('syntax error');
    expect(sql.slice(e.position!)).toMatch(/^range/);
  });

  it('explains a missing table and column', async () => {
    const t = explainError(await errorOf('SELECT * FROM no_such_table'), 'SELECT * FROM no_such_table');
    expect(t.japanese).toBe('テーブル「no_such_table」はありません');
    expect(t.position).toBe(14);
    const c = explainError(await errorOf('SELECT nope FROM range(1)'), 'SELECT nope FROM range(1)');
    expect(c.japanese).toBe('列「nope」が見つかりません');
  });

  // Local paths here: native DuckDB would first want its httpfs extension for a URL (the browser test covers URLs).
  it('says that files and URLs are closed once the engine is locked down, naming the address', async () => {
    for (const sql of ["SELECT * FROM read_csv('/srv/x.csv')", "COPY (SELECT 1) TO '/srv/o.csv'", "ATTACH '/srv/d.duckdb'", "SELECT * FROM glob('/srv/*')"]) {
      const e = await explain(sql, LOCKDOWN_SQL);
      expect(e.japanese, sql).toContain('（/srv/');
      expect(e.japanese, sql).toContain('外部にアクセスしません');
      expect(e.english, sql).toContain('disabled by configuration');
    }
  });

  it('says a locked setting cannot be changed', async () => {
    const e = await explain("SET custom_extension_repository = 'https://blocked.invalid/'", LOCKDOWN_SQL);
    expect(e.japanese).toBe('設定「custom_extension_repository」は変更できません（安全のため、起動後は固定しています）');
    expect(e.english).toContain('locked');
  });

  it('explains each transaction mistake and what to type', async () => {
    expect((await explain('BEGIN', ['BEGIN'])).japanese).toContain('BEGIN が二重');
    expect((await explain('COMMIT')).japanese).toContain('COMMIT できません');
    expect((await explain('ROLLBACK')).japanese).toContain('ROLLBACK できません');
    const conn = await (await DuckDBInstance.create(':memory:')).connect();
    await conn.run('BEGIN');
    await conn.run('BEGIN').catch(() => {}); // a failed statement aborts the transaction
    const aborted = await conn.run('SELECT 1').then(() => null, (err: unknown) => explainError(err, 'SELECT 1'));
    expect(aborted?.japanese).toContain('ROLLBACK を実行してください');
  });

  it('names the missing schema of a search_path', async () => {
    const e = await explain("SET search_path = 'nowhere'");
    expect(e.japanese).toContain('スキーマ「nowhere」はありません');
    expect(e.japanese).not.toBe(e.kind);
  });

  // DuckDB-WASM's own texts (captured from duckdb-wasm 1.32 in the browser): native DuckDB has these extensions built in.
  it('says extensions are not available, for read_json, LOAD and INSTALL errors', () => {
    const json = explainError(
      "Extension Autoloading Error: An error occurred while trying to automatically install the required extension 'json':\nLoading external extensions is disabled through configuration",
      "SELECT * FROM read_json('x.json')"
    );
    expect(json.kind).toBe('拡張機能のエラー');
    expect(json.japanese).toContain('拡張機能「json」');
    expect(json.japanese).toContain('拡張機能を使えません');
    const load = explainError('Permission Error: Loading external extensions is disabled through configuration', 'LOAD httpfs');
    expect(load.kind).toBe('権限がありません');
    expect(load.japanese).toContain('拡張機能を使えません');
  });

  it('explains a network failure that carries no DuckDB kind', () => {
    const e = explainError("NetworkError: Failed to execute 'send' on 'XMLHttpRequest': Failed to load 'https://blocked.invalid/x.csv'.", 'SELECT 1');
    expect(e.kind).toBe('通信エラー');
    expect(e.japanese).toContain('ネットワーク');
  });

  it('never answers with the kind alone: every error of every kind gets a sentence and the English text', () => {
    for (const text of ['Binder Error: something new', 'Invalid Input Error: something new', 'Weird Error: x', 'plain failure']) {
      const e = explainError(text, 'SELECT 1');
      expect(e.japanese.length, text).toBeGreaterThan(8);
      expect(e.japanese, text).not.toBe(e.kind);
      expect(e.english, text).toBe(text);
    }
  });
});
