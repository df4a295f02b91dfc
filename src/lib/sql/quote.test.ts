import { describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { ident, literal } from './quote';

describe('literal', () => {
  it('round-trips hostile strings through DuckDB unchanged', async () => {
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    const hostile = ["O'Reilly", "'; DROP TABLE x; --", '神奈川県', '\\n', '"quoted"', ''];
    for (const s of hostile) {
      const r = await conn.runAndReadAll(`SELECT ${literal(s)} AS v`);
      expect(r.getRowObjects()[0]?.v).toBe(s);
    }
  });
  it('writes numbers, booleans, bigints and NULL', () => {
    expect(literal(3)).toBe('3');
    expect(literal(1.5)).toBe('1.5::DOUBLE');
    expect(literal(true)).toBe('TRUE');
    expect(literal(null)).toBe('NULL');
    expect(literal(2n ** 60n)).toBe('1152921504606846976::BIGINT');
    expect(() => literal(Number.NaN)).toThrow();
  });
});

describe('ident', () => {
  it('doubles embedded quotes so a name cannot close the identifier', () => {
    expect(ident('case')).toBe('"case"');
    expect(ident('a"b')).toBe('"a""b"');
  });
});
