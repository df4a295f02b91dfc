import { describe, expect, it } from 'vitest';
import { formatAsOf, unknownFiles, withLocalFiles } from './local-data';
import type { DatasetSpec } from './types';

const dataset: DatasetSpec = {
  tables: [
    { name: 'raw_a', file: 'a.parquet' },
    { name: 'raw_b', file: 'b.parquet' }
  ],
  setupSql: ['CREATE VIEW a AS SELECT * FROM raw_a']
};

describe('withLocalFiles', () => {
  it('puts the given bytes on their tables and leaves the others to be fetched', () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const local = withLocalFiles(dataset, { 'a.parquet': bytes });
    expect(local.tables[0]).toEqual({ name: 'raw_a', file: 'a.parquet', bytes });
    expect(local.tables[1]).toEqual({ name: 'raw_b', file: 'b.parquet' });
    expect(local.setupSql).toBe(dataset.setupSql);
  });
  it('returning to no local files drops every earlier byte array', () => {
    const once = withLocalFiles(dataset, { 'a.parquet': new Uint8Array([1]) });
    expect(withLocalFiles(once, {}).tables.every((t) => t.bytes === undefined)).toBe(true);
  });
  it('names files the dataset does not have', () => {
    expect(unknownFiles(dataset, { 'a.parquet': new Uint8Array(), 'x.parquet': new Uint8Array() })).toEqual(['x.parquet']);
  });
});

describe('formatAsOf', () => {
  it('writes a date the Japanese way and leaves anything else as given', () => {
    expect(formatAsOf('2024-01-31')).toBe('2024年1月31日');
    expect(formatAsOf('2025-12-05')).toBe('2025年12月5日');
    expect(formatAsOf('令和6年')).toBe('令和6年');
  });
});
