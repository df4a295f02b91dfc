import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Row } from '../db/types';
import type { Clause } from '../filter/clause';
import type { PageDecl } from '../filter/page-context';
import { oneClickQueries, oneClickStates } from './click-states';
import type { Bindings } from './query-binding';

// A compiler stand-in that shows exactly which clauses reached each query.
const show = (name: string) => (filters: readonly Clause[]) => ({ ok: true as const, sql: `${name}:${JSON.stringify(filters.map((f) => [f.source, f.predicate]))}` });

const page: PageDecl = {
  slicers: [],
  defaults: [{ source: 'sys', field: 't.system_id', predicate: { kind: 'in', values: ['S01'] } }],
  visuals: [
    { id: 'bars', label: '棒', select: { field: 't.code', kind: 'in', valueType: 'string' } },
    { id: 'hist', label: '年', select: { field: 't.year', kind: 'range', valueType: 'integer' } },
    { id: 'list', label: '一覧', scope: { only: ['bars'] } }
  ]
};
const bindings: Bindings = {
  kpi: { scope: 'page', compile: show('kpi') },
  bars: { scope: 'bars', compile: show('bars') },
  hist: { scope: 'hist', compile: show('hist') },
  list: { scope: 'list', compile: show('list') },
  fixed: { scope: 'none', compile: show('fixed') }
};

describe('one-click states of a page’s default view', () => {
  it('selects each value of an in-visual alone, each bar of a brush as [v, v], and leaves NULL marks to the engine', () => {
    const rows = { bars: [{ code: 'a' }, { code: 'b' }, { code: 'a' }, { code: null }], hist: [{ year: 2019 }, { year: 2020 }] };
    expect(oneClickStates(page, bindings, rows)).toEqual([
      [{ source: 'bars', field: 't.code', predicate: { kind: 'in', values: ['a'] } }],
      [{ source: 'bars', field: 't.code', predicate: { kind: 'in', values: ['b'] } }],
      [{ source: 'hist', field: 't.year', predicate: { kind: 'range', min: 2019, max: 2019 } }],
      [{ source: 'hist', field: 't.year', predicate: { kind: 'range', min: 2020, max: 2020 } }]
    ]);
  });

  it('has no state for a visual without rows or without a selection', () => {
    expect(oneClickStates(page, bindings, {})).toEqual([]);
  });

  it('compiles every binding under each state with its scope and the defaults, leaving out the default view’s SQL', () => {
    const { sql, errors } = oneClickQueries(page, bindings, { bars: [{ code: 'a' }] });
    expect(errors).toEqual([]);
    const sys = ['sys', { kind: 'in', values: ['S01'] }];
    const a = ['bars', { kind: 'in', values: ['a'] }];
    // bars ignores its own selection and fixed reads nothing: both equal the default view's SQL.
    expect(sql).toEqual([`kpi:${JSON.stringify([a, sys])}`, `hist:${JSON.stringify([a, sys])}`, `list:${JSON.stringify([a])}`]);
  });

  it('gives one state per distinct mark and as many distinct queries as states × changed bindings at most (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'd', null)), fc.array(fc.integer({ min: 1990, max: 2030 })), (codes, years) => {
        const rows: Record<string, Row[]> = { bars: codes.map((code) => ({ code })), hist: years.map((year) => ({ year })) };
        const states = oneClickStates(page, bindings, rows);
        const n = new Set(codes.filter((c) => c !== null)).size + new Set(years).size;
        expect(states.length).toBe(n);
        expect(new Set(states.map((s) => JSON.stringify(s))).size).toBe(n);
        expect(oneClickQueries(page, bindings, rows).sql.length).toBeLessThanOrEqual(n * 3);
      })
    );
  });

  it('leaves a paged list’s queries out of every state, but still takes the states its rows offer (property)', () => {
    const withPaged: Bindings = { ...bindings, pagedRows: { scope: 'bars', paged: true, compile: show('pagedRows') } };
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', null)), fc.array(fc.constantFrom('c', 'd', 'e', null)), fc.array(fc.integer({ min: 2015, max: 2025 })), (barCodes, listCodes, years) => {
        const rows: Record<string, Row[]> = { bars: barCodes.map((code) => ({ code })), pagedRows: listCodes.map((code) => ({ code })), hist: years.map((year) => ({ year })) };
        const { sql, errors } = oneClickQueries(page, withPaged, rows);
        expect(errors).toEqual([]);
        expect(sql.filter((q) => q.startsWith('pagedRows:'))).toEqual([]);
        // Every other query is the one the same page without the paged binding runs, in the states both lists' rows give.
        const merged = { bars: [...rows.bars!, ...rows.pagedRows!], hist: rows.hist! };
        expect(new Set(sql)).toEqual(new Set(oneClickQueries(page, bindings, merged).sql));
      })
    );
  });

  it('reports a binding that does not compile in a state, as data', () => {
    const broken: Bindings = { ...bindings, kpi: { scope: 'page', compile: (f) => (f.length > 1 ? { ok: false, error: 'nope' } : show('kpi')(f)) } };
    expect(oneClickQueries(page, broken, { bars: [{ code: 'a' }] }).errors).toEqual(['kpi: nope']);
  });
});
