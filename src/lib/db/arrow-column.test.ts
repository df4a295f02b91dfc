import { describe, expect, it } from 'vitest';
import { Bool, DateDay, Float64, Int32, Int64, Table, Utf8 } from 'apache-arrow';
import { arrowToRows } from './arrow-rows';
import { columnVector } from './arrow-column';

describe('columnVector', () => {
  it('keeps NULL distinct from 0, empty string and false for every supported type', () => {
    const t = new Table({
      i: columnVector([1, null, 0], new Int32()),
      b: columnVector([2n ** 60n, null, 0n], new Int64()),
      f: columnVector([1.5, null, 0], new Float64()),
      s: columnVector(['神奈川県', null, ''], new Utf8()),
      o: columnVector([true, null, false], new Bool()),
      d: columnVector([new Date('2024-01-31T00:00:00Z'), null, new Date('1970-01-01T00:00:00Z')], new DateDay())
    });
    expect(arrowToRows(t)).toEqual([
      { i: 1, b: '1152921504606846976', f: 1.5, s: '神奈川県', o: true, d: '2024-01-31' },
      { i: null, b: null, f: null, s: null, o: null, d: null },
      { i: 0, b: 0, f: 0, s: '', o: false, d: '1970-01-01' }
    ]);
  });
});
