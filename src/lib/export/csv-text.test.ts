import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { DateDay, Int32, Int64, Table, Utf8 } from 'apache-arrow';
import { columnVector } from '../db/arrow-column';
import { literal } from '../sql/quote';
import { encodeCsv } from './csv-encoding';
import { neutralise, tableToCsv } from './csv-text';

const table = new Table({
  s: columnVector(['=1+1', '+81', '-2', '@SUM(A1)', '\tx', '\rx', '神奈川県, "横浜"', null, '', 'ok'], new Utf8()),
  n: columnVector([-5, 1, 2, 3, 4, 5, 6, null, 0, 7], new Int32()),
  b: columnVector([2n ** 60n, 1n, 2n, 3n, 4n, 5n, 6n, null, 0n, 7n], new Int64()),
  d: columnVector([new Date('2024-01-31T00:00:00Z'), null, null, null, null, null, null, null, null, null], new DateDay())
});

describe('tableToCsv', () => {
  it('neutralises formula-like text cells, but not numbers', () => {
    expect(['=1', '+1', '-1', '@x', '\tx', '\rx', 'a=1'].map(neutralise)).toEqual(["'=1", "'+1", "'-1", "'@x", "'\tx", "'\rx", 'a=1']);
    const csv = tableToCsv(table);
    expect(csv.split('\r\n')[1]).toBe(`'=1+1,-5,1152921504606846976,2024-01-31`);
  });

  it('leaves a lone minus (the survey\'s 不明) as it is, but guards anything after a minus', () => {
    expect(['-', '--', '- ', '-A1', '-1+1'].map(neutralise)).toEqual(['-', "'--", "'- ", "'-A1", "'-1+1"]);
  });

  it('reads back in DuckDB with the same values (BOM, quotes, NULL vs empty string)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csv-'));
    const path = join(dir, 'x.csv');
    writeFileSync(path, (await encodeCsv(tableToCsv(table), 'utf8-bom')).bytes);
    const conn = await (await DuckDBInstance.create(':memory:')).connect();
    const rows = (await conn.runAndReadAll(`SELECT * FROM read_csv(${literal(path)}, header = true, all_varchar = true, allow_quoted_nulls = false)`)).getRowObjectsJS();
    expect(rows.map((r) => r.s)).toEqual(["'=1+1", "'+81", "'-2", "'@SUM(A1)", "'\tx", "'\rx", '神奈川県, "横浜"', null, '', 'ok']);
    expect(rows[0]?.b).toBe('1152921504606846976');
    expect(Object.keys(rows[0]!)).toEqual(['s', 'n', 'b', 'd']);
  });

  it('encodes Shift_JIS as Excel reads it and counts characters it cannot hold', async () => {
    const { bytes, replaced } = await encodeCsv('都道府県,髙島屋,①,𠮷,?\r\n', 'shift_jis');
    expect(new TextDecoder('shift_jis').decode(bytes)).toBe('都道府県,髙島屋,①,?,?\r\n');
    expect(replaced).toBe(1);
  });
});
