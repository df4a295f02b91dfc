import { describe, expect, it } from 'vitest';
import { checkWrite } from './write-guard';

const P = new Set(['main.cases', 'main.raw_case', 'main.system', 'model_catalog.measures']);
const refused = (sql: string) => checkWrite(sql, P)?.name ?? null;

describe('checkWrite', () => {
  it('refuses DDL and DML on model objects, however they are spelled', () => {
    expect(refused('DROP VIEW cases')).toBe('cases');
    expect(refused('drop view if exists "CASES" cascade')).toBe('cases');
    expect(refused('DROP TABLE scratch, raw_case')).toBe('raw_case');
    expect(refused('CREATE OR REPLACE VIEW cases AS SELECT 1')).toBe('cases');
    expect(refused('create temp view main.cases as select 1')).toBe('cases');
    expect(refused('ALTER VIEW system RENAME TO s2')).toBe('system');
    expect(refused('INSERT INTO raw_case SELECT * FROM raw_case')).toBe('raw_case');
    expect(refused('insert or replace into memory.main.raw_case values (1)')).toBe('raw_case');
    expect(refused('UPDATE raw_case SET case_id = NULL')).toBe('raw_case');
    expect(refused('WITH x AS (SELECT 1) DELETE FROM raw_case')).toBe('raw_case');
    expect(refused('TRUNCATE raw_case')).toBe('raw_case');
    expect(refused('EXPLAIN ANALYZE DROP VIEW cases')).toBe('cases');
    expect(refused("COMMENT ON COLUMN cases.case_id IS 'x'")).toBe('cases');
    expect(refused('DROP SCHEMA model_catalog CASCADE')).toBe('model_catalog');
    expect(refused('DELETE FROM model_catalog.measures')).toBe('model_catalog.measures');
    expect(refused("COPY raw_case FROM 'x.csv'")).toBe('raw_case');
  });

  it('lets reads and scratch objects through', () => {
    expect(refused('SELECT * FROM cases')).toBeNull();
    expect(refused("SELECT 'DROP VIEW cases' AS s -- DROP VIEW cases")).toBeNull();
    expect(refused('CREATE TABLE scratch AS SELECT * FROM cases')).toBeNull();
    expect(refused('CREATE OR REPLACE TEMP TABLE my_cases AS SELECT * FROM cases')).toBeNull();
    expect(refused('INSERT INTO scratch SELECT * FROM cases')).toBeNull();
    expect(refused('DROP TABLE scratch')).toBeNull();
    expect(refused('UPDATE scratch SET a = 1')).toBeNull();
    expect(refused('CREATE TABLE other_schema.x AS SELECT 1')).toBeNull();
    expect(refused("COPY (SELECT * FROM cases) TO 'x.csv'")).toBeNull();
  });

  it('explains in Japanese and English', () => {
    const r = checkWrite('DROP VIEW cases', P)!;
    expect(r.message).toContain('読み取り専用');
    expect(r.message).toContain('read-only');
  });
});
