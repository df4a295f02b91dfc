import { readdirSync, readFileSync } from 'node:fs';
import { parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { columnVector } from './arrow-column';
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

describe('parquetToArrow reads column by column', () => {
  const files = readdirSync('static/data').filter((f) => f.endsWith('.parquet'));
  it.each(files)('%s gives exactly the values of hyparquet’s row reader (all codecs)', async (file) => {
    const b = readFileSync(`static/data/${file}`);
    const buffer = b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
    const table = await parquetToArrow(buffer, file);
    const rows = await parquetReadObjects({ file: buffer, compressors });
    expect(table.numRows).toBe(rows.length);
    for (const field of table.schema.fields) {
      const got = table.getChild(field.name)!.toJSON();
      const want = rows.map((r) => r[field.name]);
      // Same Arrow type built from the oracle's values: any difference is the decoder's.
      expect(got, `${file}.${field.name}`).toEqual(columnVector(want, field.type).toJSON());
    }
  });
});

describe('parquetToArrow on text columns', () => {
  it('inserts a JSON-typed column as its text, as DuckDB reads the same file', async () => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const file = `${mkdtempSync(`${tmpdir()}/json-parquet-`)}/j.parquet`;
    const conn = await (await DuckDBInstance.create(':memory:')).connect();
    await conn.run(`COPY (SELECT '{"a": 1, "都": [true]}'::JSON AS j, '神奈川県' AS s UNION ALL SELECT NULL, NULL) TO '${file}' (FORMAT parquet)`);
    const want = (await conn.runAndReadAll(`SELECT CAST(j AS VARCHAR) AS j, s FROM '${file}'`)).getRowObjectsJS();
    const b = readFileSync(file);
    const t = await parquetToArrow(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength), 'j.parquet');
    expect(t.toArray().map((r) => ({ j: r.j, s: r.s }))).toEqual(want);
    expect(want[0]!.j).toContain('"都"');
  });
});
