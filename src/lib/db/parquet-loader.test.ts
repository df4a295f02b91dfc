import { readFileSync } from 'node:fs';
import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import type { Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { decodeDataset } from './parquet-loader';

const FILES = ['prefecture.parquet', 'system.parquet', 'cost_band.parquet', 'dataset.parquet'];
const bytes = (file: string) => {
  const b = readFileSync(new URL(`../../../static/data/${file}`, import.meta.url));
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};

/** A connection that records what it is given, in order, into `log`. */
function recorder(log: string[], rows: Record<string, number>): AsyncDuckDBConnection {
  return {
    insertArrowTable: async (table: Table, { name }: { name: string }) => {
      rows[name] = table.numRows;
      log.push(name);
    }
  } as unknown as AsyncDuckDBConnection;
}

describe('decodeDataset (hyparquet, the survey-sized path)', () => {
  it('decodes one file per task, so a click waiting between files is handled before the rest', async () => {
    const log: string[] = [];
    const rows: Record<string, number> = {};
    const decoded = decodeDataset(FILES.map((file) => ({ name: file, file })), FILES.map(bytes));
    expect(decoded.decoder).toBe('hyparquet');
    // A task queued now (an input event, say) must not wait until every file is decoded.
    setTimeout(() => log.push('task'), 0);
    await Promise.all(decoded.tables.map((t) => t.insertInto(recorder(log, rows))));
    expect(log.indexOf('task')).toBeGreaterThanOrEqual(0);
    expect(log.indexOf('task')).toBeLessThan(log.length - 1);
    expect(log.filter((x) => x !== 'task')).toEqual(FILES);
    for (const file of FILES) expect(rows[file]).toBeGreaterThan(0);
  });

  it('once every file is decoded (`decoded`), each insert is posted within its call, so what the caller posts next goes behind it', async () => {
    const log: string[] = [];
    const rows: Record<string, number> = {};
    const decoded = decodeDataset(FILES.map((file) => ({ name: file, file })), FILES.map(bytes));
    if (decoded.decoder !== 'hyparquet') throw new Error('expected hyparquet');
    await decoded.decoded;
    const conn = recorder(log, rows);
    const inserted = decoded.tables.map((t) => t.insertInto(conn));
    log.push('setup');
    expect(log).toEqual([...FILES, 'setup']);
    await Promise.all(inserted);
  });

  it('`decoded` rejects with the first unreadable file’s error', async () => {
    const buffers = FILES.map(bytes);
    buffers[2] = new Uint8Array([80, 65, 82, 49, 0, 0, 0, 0]).buffer;
    const decoded = decodeDataset(FILES.map((file) => ({ name: file, file })), buffers);
    if (decoded.decoder !== 'hyparquet') throw new Error('expected hyparquet');
    await expect(decoded.decoded).rejects.toThrow('cost_band.parquet を読み取れません');
  });

  it('a file that cannot be read fails its own table only; the files after it still decode', async () => {
    const log: string[] = [];
    const rows: Record<string, number> = {};
    const buffers = FILES.map(bytes);
    buffers[1] = new Uint8Array([80, 65, 82, 49, 0, 0, 0, 0]).buffer;
    const decoded = decodeDataset(FILES.map((file) => ({ name: file, file })), buffers);
    const outcomes = await Promise.allSettled(decoded.tables.map((t) => t.insertInto(recorder(log, rows))));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect(String((outcomes[1] as PromiseRejectedResult).reason)).toContain('system.parquet を読み取れません');
    expect(log).toEqual([FILES[0], FILES[2], FILES[3]]);
  });
});
