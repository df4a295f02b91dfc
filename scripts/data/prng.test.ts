import { describe, expect, it } from 'vitest';
import { mulberry32, rngFor } from './prng.js';

describe('prng', () => {
  it('is deterministic per seed and label', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(Array.from({ length: 5 }, () => b.next()));
    expect(rngFor(1, 'x').next()).toBe(rngFor(1, 'x').next());
    expect(rngFor(1, 'x').next()).not.toBe(rngFor(1, 'y').next());
  });
  it('keeps int() within bounds and shuffle() a permutation', () => {
    const r = mulberry32(7);
    for (let i = 0; i < 1000; i++) expect(r.int(3, 5)).toBeGreaterThanOrEqual(3);
    expect(r.shuffle([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
  });
});
