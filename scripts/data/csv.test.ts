import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv, stringifyCsv } from './csv.js';

describe('csv', () => {
  it('round-trips commas, quotes, newlines and padding', () => {
    const rows = [['a,b', 'say "hi"', 'line1\nline2', ' padded ', '']];
    const text = stringifyCsv(['h1', 'h2', 'h3', 'h4', 'h5'], rows);
    expect(parseCsv(text).rows.slice(1)).toEqual(rows);
  });
  it('round-trips any cells, and numbers each record as one Excel row', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', '"', ',', '\n', 'あ', ' ', 'x') });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { maxLength: 6 }), (rows) => {
        const parsed = parseCsv(stringifyCsv(['h1', 'h2'], rows));
        expect(parsed.error).toBeUndefined();
        expect(parsed.rows.slice(1)).toEqual(rows);
        expect(parsed.lines).toEqual([1, ...rows.map((_, i) => i + 2)]);
      }),
    );
  });
  it('accepts CRLF and normalises line breaks inside cells to LF; a multi-line cell stays one row', () => {
    const { rows, lines } = parseCsv('a,b\r\n"x\r\ny\r\nz",z\r\nq,r\r\n');
    expect(rows).toEqual([['a', 'b'], ['x\ny\nz', 'z'], ['q', 'r']]);
    expect(lines).toEqual([1, 2, 3]);
  });
  it('counts a blank line as a row (Excel shows it) but not as a record', () => {
    expect(parseCsv('a,b\n\n,\n')).toEqual({ rows: [['a', 'b'], ['', '']], lines: [1, 3] });
  });
  it('reports an unterminated quote at the row where the cell starts', () => {
    expect(parseCsv('a\n"x\ny"\n"b\n').error).toEqual({ kind: 'unterminated_quote', row: 3, cell: 1 });
  });
  it('rejects an undoubled quote inside a quoted cell instead of storing wrong text', () => {
    const r = parseCsv('id,name\nC1,ok\nC2,"青森 "電子申請" サービス"\n');
    expect(r.error).toEqual({ kind: 'stray_quote', row: 3, cell: 2 });
  });
  it('keeps a quote inside an unquoted cell as text (as Excel does)', () => {
    expect(parseCsv('a,b\nx"y,z\n').rows).toEqual([['a', 'b'], ['x"y', 'z']]);
  });
});
