import { describe, expect, it } from 'vitest';
import { firstRefusal, refuseStatement, transactionStep } from './statement-guard';

const ctx = {
  protectedNames: new Set(['main.cases', 'main.raw_case', 'main.system', 'model_catalog.measures']),
  functions: new Set(['lower', 'count', 'coalesce'])
};
const refused = (sql: string) => refuseStatement(sql, ctx)?.name ?? null;

describe('refuseStatement', () => {
  it('refuses a new object that would shadow a model name, in temp, another schema or another database', () => {
    expect(refused('CREATE TEMP TABLE temp.raw_case AS SELECT * FROM main.raw_case LIMIT 1')).toBe('raw_case');
    expect(refused('CREATE TEMP TABLE raw_case AS SELECT 1')).toBe('raw_case');
    expect(refused('create view shadow.cases as select 1')).toBe('cases');
    expect(refused('CREATE OR REPLACE TEMPORARY VIEW "Cases" AS SELECT 1')).toBe('cases');
    expect(refused('CREATE TABLE m2.main.system (a INT)')).toBe('system');
    expect(refused('CREATE TABLE temp.model_catalog.measures AS SELECT 1')).toBe('model_catalog.measures');
    expect(refused('ALTER TABLE temp.scratch RENAME TO cases')).toBe('cases');
    expect(refused('ALTER VIEW v RENAME TO raw_case')).toBe('raw_case');
  });

  it('refuses a macro named like a built-in function (a temp macro is found first)', () => {
    expect(refused("CREATE TEMP MACRO lower(x) AS 'hacked'")).toBe('lower');
    expect(refused('CREATE OR REPLACE FUNCTION coalesce(a, b) AS 1')).toBe('coalesce');
  });

  it('refuses INSTALL (DuckDB would report success for an extension that can never load)', () => {
    expect(refused('INSTALL httpfs')).toBe('httpfs');
    expect(refused("FORCE INSTALL json FROM 'https://x/'")).toBe('json');
    expect(refused('UPDATE EXTENSIONS')).not.toBeNull();
    expect(refuseStatement('INSTALL httpfs', ctx)!.message).toMatch(/拡張機能.*extensions are not available/s);
  });

  it('still refuses writes to the model and allows scratch work', () => {
    expect(refused('DROP VIEW cases')).toBe('cases');
    expect(refused('CREATE TABLE my_cases AS SELECT * FROM cases')).toBeNull();
    expect(refused('CREATE TEMP TABLE scratch AS SELECT 1')).toBeNull();
    expect(refused('CREATE SCHEMA shadow')).toBeNull();
    // model_catalog's names are reached as model_catalog.x, so my.measures shadows nothing.
    expect(refused('CREATE TABLE my.measures AS SELECT 1')).toBeNull();
    expect(refused('CREATE MACRO my_share(a, b) AS a / b')).toBeNull();
    expect(refused("SET search_path = 'shadow,main'")).toBeNull();
    expect(refused("SELECT 'CREATE TEMP TABLE raw_case' AS s")).toBeNull();
    expect(refused('LOAD httpfs')).toBeNull(); // DuckDB itself refuses it, in its own words
  });
});

describe('firstRefusal', () => {
  const spans = (...texts: string[]) => texts.map((text, i) => ({ text, from: i * 100, to: i * 100 + text.length }));
  it('checks the whole run before anything runs and marks the refused name', () => {
    const e = firstRefusal(spans('BEGIN TRANSACTION', 'DELETE FROM raw_case', 'COMMIT'), ctx)!;
    expect(e.statement).toBe('DELETE FROM raw_case');
    expect(e.from).toBe(100);
    expect(e.position).toBe(12);
    expect(e.japanese).toContain('読み取り専用');
    expect(e.english).toMatch(/^DELETE refused: raw_case/);
    expect(firstRefusal(spans('SELECT 1', 'CREATE TABLE t AS SELECT 1'), ctx)).toBeNull();
  });

  it('tells statements that open and close a transaction', () => {
    expect(['BEGIN', 'begin transaction', 'START TRANSACTION', 'COMMIT', 'end', 'ROLLBACK', 'SELECT 1', '-- x\nBEGIN'].map(transactionStep)).toEqual([
      'begin', 'begin', 'begin', 'end', 'end', 'end', null, 'begin'
    ]);
  });
});
