import { describe, expect, it } from 'vitest';
import { decodeFilters, encodeFilters, type UrlFilter } from './url-state';

const registry: UrlFilter[] = [
  { source: 'sys', field: 'cases.system_id', kind: 'in', valueType: 'string' },
  { source: 'year', field: 'cases.start_year', kind: 'range', valueType: 'integer' },
  { source: 'y', field: 'cases.start_year', kind: 'in', valueType: 'integer' }
];

describe('encodeFilters / decodeFilters', () => {
  it('round-trips in and range clauses, including values with commas and Japanese text', () => {
    const ctx = [
      { source: 'sys', field: 'cases.system_id', predicate: { kind: 'in' as const, values: ['S08', 'a,b', '神奈川'] } },
      { source: 'year', field: 'cases.start_year', predicate: { kind: 'range' as const, min: 2015, max: null } },
      { source: 'y', field: 'cases.start_year', predicate: { kind: 'in' as const, values: [2021, 2022] } }
    ];
    const params = encodeFilters(ctx, registry, new URLSearchParams('asof=2024-01-31'));
    expect(params.get('asof')).toBe('2024-01-31');
    expect(params.get('year')).toBe('2015..');
    expect(decodeFilters(new URLSearchParams(params.toString()), registry)).toEqual(ctx);
  });

  it('drops malformed or unknown parameters instead of passing them on', () => {
    const got = decodeFilters(new URLSearchParams('year=1;DROP..&y=2021,x,2022&zzz=1&sys=%E0%A4%A'), registry);
    expect(got).toEqual([{ source: 'y', field: 'cases.start_year', predicate: { kind: 'in', values: [2021, 2022] } }]);
  });

  it('removes the parameter of a cleared source', () => {
    const params = encodeFilters([], registry, new URLSearchParams('sys=S01&other=1'));
    expect(params.toString()).toBe('other=1');
  });
});
