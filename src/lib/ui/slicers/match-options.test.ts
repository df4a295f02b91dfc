import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchOptions } from './match-options';
import type { SlicerOption } from './types';

const options: SlicerOption[] = [
  { value: '011002', label: '札幌市', group: '北海道' },
  { value: '131016', label: '千代田区', group: '東京都' },
  { value: '141003', label: '横浜市', group: '神奈川県' },
  { value: 'X', label: 'ＡＢＣ町' }
];

describe('matchOptions', () => {
  it('matches width and case variants (NFKC) and the group before the label', () => {
    expect(matchOptions(options, [], 'abc', 50).map((o) => o.value)).toEqual(['X']);
    expect(matchOptions(options, [], '神奈川県横浜', 50).map((o) => o.value)).toEqual(['141003']);
  });
  it('never offers what is already chosen, and offers everything else for an empty or blank query', () => {
    expect(matchOptions(options, ['011002'], '  ', 50).map((o) => o.value)).toEqual(['131016', '141003', 'X']);
  });
  it('for any typed text: never throws, returns chosen-free matches in option order, at most max', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.subarray(options.map((o) => o.value)), fc.integer({ min: -3, max: 5 }), (typed, chosen, max) => {
        const got = matchOptions(options, chosen, typed, max);
        expect(got.length).toBeLessThanOrEqual(Math.max(0, max));
        for (const o of got) expect(chosen).not.toContain(o.value);
        const order = got.map((o) => options.indexOf(o));
        expect(order).toEqual([...order].sort((a, b) => a - b));
      }),
      { numRuns: 500 }
    );
  });
  it('finds every option by its own label typed exactly, whatever else is chosen', () => {
    fc.assert(
      fc.property(fc.constantFrom(...options), (o) => {
        expect(matchOptions(options, [], o.label, 50)).toContain(o);
      })
    );
  });
});
