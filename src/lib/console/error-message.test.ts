import { describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { explainError } from './error-message';

async function errorOf(sql: string): Promise<unknown> {
  const conn = await (await DuckDBInstance.create(':memory:')).connect();
  try {
    await conn.run(sql);
  } catch (e) {
    return e;
  }
  throw new Error('no error');
}

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
});
