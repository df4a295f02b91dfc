import { describe, expect, it } from 'vitest';
import { inRange, pickYear, rangeOf } from './year-range';

describe('year range selection', () => {
  it('reads a closed range clause of one source only', () => {
    const c = { source: 's', field: 'cases.start_year', predicate: { kind: 'range' as const, min: 2016, max: 2018 } };
    expect(rangeOf([c], 's')).toEqual({ min: 2016, max: 2018 });
    expect(rangeOf([c], 'other')).toBeNull();
    expect(rangeOf([{ ...c, predicate: { kind: 'range', min: 2016, max: null } }], 's')).toBeNull();
  });

  it('picks like a click: select one, clear when it was the whole selection, extend when additive', () => {
    expect(pickYear(null, 2017, false)).toEqual({ min: 2017, max: 2017 });
    expect(pickYear({ min: 2017, max: 2017 }, 2017, false)).toBeNull();
    expect(pickYear({ min: 2017, max: 2017 }, 2020, true)).toEqual({ min: 2017, max: 2020 });
    expect(pickYear({ min: 2017, max: 2020 }, 2015, true)).toEqual({ min: 2015, max: 2020 });
    expect(pickYear(null, 2015, true)).toEqual({ min: 2015, max: 2015 });
  });

  it('treats no range as everything selected', () => {
    expect(inRange(null, 1999)).toBe(true);
    expect(inRange({ min: 2016, max: 2018 }, 2019)).toBe(false);
  });
});
