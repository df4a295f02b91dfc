import { describe, expect, it } from 'vitest';
import { clearSource, filtersFor, selectedValues, setClause, toggleValue } from './filter-context';

const F = 'cases.system_id';

describe('toggleValue', () => {
  it('selects one value on a plain click and clears when the only selected mark is clicked again', () => {
    let ctx = toggleValue([], 'bars', F, 'S01', 'A', false);
    expect(selectedValues(ctx, 'bars')).toEqual(['S01']);
    ctx = toggleValue(ctx, 'bars', F, 'S02', 'B', false);
    expect(selectedValues(ctx, 'bars')).toEqual(['S02']);
    ctx = toggleValue(ctx, 'bars', F, 'S02', 'B', false);
    expect(ctx).toEqual([]);
  });
  it('adds and removes values on additive clicks, keeping labels aligned', () => {
    let ctx = toggleValue([], 'bars', F, 'S01', 'A', true);
    ctx = toggleValue(ctx, 'bars', F, 'S03', 'C', true);
    expect(ctx[0]?.labels).toEqual(['A', 'C']);
    ctx = toggleValue(ctx, 'bars', F, 'S01', 'A', true);
    expect(selectedValues(ctx, 'bars')).toEqual(['S03']);
    expect(ctx[0]?.labels).toEqual(['C']);
  });
});

describe('filtersFor', () => {
  it('leaves out the client’s own clause and keeps everyone else’s', () => {
    let ctx = toggleValue([], 'bars', F, 'S01', 'A', false);
    ctx = setClause(ctx, { source: 'slicer', field: 'cases.start_year', predicate: { kind: 'range', min: 2020, max: null } });
    expect(filtersFor(ctx, 'bars').map((c) => c.source)).toEqual(['slicer']);
    expect(filtersFor(ctx, 'map').map((c) => c.source)).toEqual(['bars', 'slicer']);
    expect(clearSource(ctx, 'bars').map((c) => c.source)).toEqual(['slicer']);
  });
  it('drops a clause that no longer constrains anything', () => {
    const ctx = setClause([], { source: 's', field: F, predicate: { kind: 'range', min: null, max: null } });
    expect(ctx).toEqual([]);
  });
});
