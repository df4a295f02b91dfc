import { describe, expect, it } from 'vitest';
import { parseCsv, stringifyCsv } from './csv.js';

describe('csv', () => {
  it('round-trips commas, quotes, newlines and padding', () => {
    const rows = [['a,b', 'say "hi"', 'line1\nline2', ' padded ', '']];
    const text = stringifyCsv(['h1', 'h2', 'h3', 'h4', 'h5'], rows);
    expect(parseCsv(text).rows.slice(1)).toEqual(rows);
  });
  it('accepts CRLF and normalises line breaks inside cells to LF', () => {
    const { rows, lines } = parseCsv('a,b\r\n"x\r\ny",z\r\nq,r\r\n');
    expect(rows).toEqual([['a', 'b'], ['x\ny', 'z'], ['q', 'r']]);
    expect(lines).toEqual([1, 2, 4]);
  });
  it('reports an unterminated quote', () => {
    expect(parseCsv('a\n"b\n').error).toMatch(/unterminated/);
  });
  it('skips blank lines but keeps a row of empty cells', () => {
    expect(parseCsv('a,b\n\n,\n').rows).toEqual([['a', 'b'], ['', '']]);
  });
});
