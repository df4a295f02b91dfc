import { describe, expect, it } from 'vitest';
import { rangeOptions } from './range-options';

describe('rangeOptions', () => {
  it('is the domain while the range’s ends are in it or open', () => {
    expect(rangeOptions([2000, 2002, 2003], 2002, null)).toEqual([2000, 2002, 2003]);
    expect(rangeOptions([2000, 2002], null, null)).toEqual([2000, 2002]);
  });

  it('adds an end a link holds that the data has no case for (1990, 2001), in order, so the slicer shows what the filter bar says', () => {
    expect(rangeOptions([2000, 2002, 2003], 1990, 2001)).toEqual([1990, 2000, 2001, 2002, 2003]);
    expect(rangeOptions([2000, 2002], 2001, 2001)).toEqual([2000, 2001, 2002]);
  });
});
