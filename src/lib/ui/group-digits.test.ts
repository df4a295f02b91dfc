import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupDigits } from './group-digits';

describe('groupDigits', () => {
  it('writes every number exactly as toLocaleString("ja-JP") does', () => {
    const n = fc.oneof(
      fc.integer(),
      fc.integer({ min: -999_999, max: 999_999 }),
      fc.maxSafeInteger(),
      fc.double(),
      fc.constantFrom(0, -0, 999, 1000, -1000, 1733, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 2 ** 60, NaN, Infinity, -Infinity)
    );
    fc.assert(
      fc.property(n, (v) => {
        expect(groupDigits(v)).toBe(v.toLocaleString('ja-JP'));
      }),
      { numRuns: 5000 }
    );
  });

  it('groups an integer by threes without Intl', () => {
    expect(['1,733', '245', '-1,000', '9,007,199,254,740,991']).toEqual([1733, 245, -1000, Number.MAX_SAFE_INTEGER].map(groupDigits));
  });
});
