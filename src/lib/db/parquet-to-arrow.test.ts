import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parquetToArrow } from './parquet-to-arrow';

const bytes = () => {
  const b = readFileSync('static/data/case.parquet');
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
};

describe('parquetToArrow on a damaged file', () => {
  it('reads the intact file', async () => {
    expect((await parquetToArrow(bytes(), 'case.parquet')).numRows).toBe(245);
  });

  it.each([
    ['truncated to half', (b: ArrayBuffer) => b.slice(0, b.byteLength / 2)],
    ['cut just before the footer', (b: ArrayBuffer) => b.slice(0, b.byteLength - 3)],
    ['its middle overwritten', (b: ArrayBuffer) => {
      const c = new Uint8Array(b.slice(0));
      c.fill(0xff, 16, c.length - 64);
      return c.buffer;
    }],
    ['empty', () => new ArrayBuffer(0)]
  ])('names the file when it is %s', async (_, damage) => {
    await expect(parquetToArrow(damage(bytes()), 'case.parquet')).rejects.toThrow(/^データファイル case\.parquet を読み取れません/);
  });
});
