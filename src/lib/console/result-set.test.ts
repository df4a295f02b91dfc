import { describe, expect, it } from 'vitest';
import { DateDay, Decimal, Int64, Table, Utf8 } from 'apache-arrow';
import { columnVector } from '../db/arrow-column';
import { valueText } from './cell-format';
import { ResultSet } from './result-set';
import { LENGTH_PREFIX } from './capped-query';

describe('ResultSet', () => {
  it('finds rows across batches and keeps NULL, empty string, BIGINT and DATE faithful', () => {
    const t = (offset: number) =>
      new Table({
        s: columnVector(offset === 0 ? [null, ''] : ['x', '神奈川県'], new Utf8()),
        b: columnVector([2n ** 60n + BigInt(offset), -1n], new Int64()),
        d: columnVector([new Date('2024-01-31T00:00:00Z'), null], new DateDay())
      });
    const first = t(0);
    const r = new ResultSet(first.schema);
    for (const table of [first, t(1)]) for (const batch of table.batches) r.add(batch);
    expect(r.rowCount).toBe(4);
    expect(r.columns.map((c) => `${c.name} ${c.type}`)).toEqual(['s VARCHAR', 'b BIGINT', 'd DATE']);
    expect(r.cell(0, 0)).toEqual({ kind: 'null' });
    expect(r.cell(1, 0)).toEqual({ kind: 'empty' });
    expect(r.cell(3, 0)).toEqual({ kind: 'value', text: '神奈川県' });
    expect(r.cell(2, 1)).toEqual({ kind: 'value', text: '1152921504606846977' });
    expect(r.cell(0, 2)).toEqual({ kind: 'value', text: '2024-01-31' });
    expect(r.cell(4, 0)).toEqual({ kind: 'null' });
  });

  it('writes DECIMAL with its scale', () => {
    const type = new Decimal(2, 6, 128);
    expect(valueText('1250', type)).toBe('12.50');
    expect(valueText('-5', type)).toBe('-0.05');
  });
});

describe('ResultSet with a huge text value', () => {
  it('decodes only the start of a long value, whole characters only, and reports its size', () => {
    const long = 'あ'.repeat(2000) + 'x'; // 6,001 bytes of UTF-8
    const table = new Table({ s: columnVector([long, 'short', null, ''], new Utf8()) });
    const r = new ResultSet(table.schema);
    for (const b of table.batches) r.add(b);
    const big = r.cell(0, 0);
    expect(big.kind).toBe('value');
    if (big.kind !== 'value') return;
    expect(big.bytes).toBe(6001);
    expect(big.text).toBe('あ'.repeat(341)); // 1,023 of the first 1,024 bytes: never half a character
    expect(r.cell(1, 0)).toEqual({ kind: 'value', text: 'short' });
    expect(r.cell(2, 0)).toEqual({ kind: 'null' });
    expect(r.cell(3, 0)).toEqual({ kind: 'empty' });
    expect(new TextDecoder().decode(r.cellBytes(0, 0)!)).toBe(long);
    expect(r.cellBytes(2, 0)).toBeNull();
  });
});

describe('ResultSet of a capped query', () => {
  it('shows the cut start with the whole size, hides the size column, and knows which values it holds whole', () => {
    const table = new Table({
      t: columnVector(['x'.repeat(1024), 'small'], new Utf8()),
      [`${LENGTH_PREFIX}1`]: columnVector([100_000_000n, 5n], new Int64())
    });
    const r = new ResultSet(table.schema, { visible: 1, lengths: new Map([[0, 1]]) });
    for (const b of table.batches) r.add(b);
    expect(r.columns.map((c) => c.name)).toEqual(['t']);
    expect(r.cutValues).toBe(1);
    const cut = r.cell(0, 0);
    expect(cut.kind === 'value' && cut.bytes).toBe(100_000_000);
    expect(r.holdsWholeValue(0, 0)).toBe(false);
    expect(r.cell(1, 0)).toEqual({ kind: 'value', text: 'small' });
    expect(r.holdsWholeValue(1, 0)).toBe(true);
    expect(r.visibleTable().schema.fields.map((f) => f.name)).toEqual(['t']);
  });
});
