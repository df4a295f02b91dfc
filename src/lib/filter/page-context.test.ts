import { describe, expect, it } from 'vitest';
import type { Clause } from './clause';
import { effectiveContext, pageParams, scopedFilters, type PageDecl } from './page-context';

const inClause = (source: string, field: string, values: string[]): Clause => ({ source, field, predicate: { kind: 'in', values } });
const page: PageDecl = {
  slicers: [],
  defaults: [inClause('sys', 't.system_id', ['S01'])],
  visuals: [
    { id: 'donut', label: '円グラフ', select: { field: 't.answer', kind: 'in', valueType: 'string' } },
    { id: 'list', label: '一覧', scope: { only: ['muni', 'map'] } },
    { id: 'matrix-rows', label: '行', select: { field: 't.system_id', kind: 'in', valueType: 'string' }, scope: { ignore: ['matrix-cols'] } }
  ]
};

describe('a page’s effective filter context', () => {
  it('adds the declared defaults while their source is absent, marked as defaults (issue 9 defects 1–2)', () => {
    expect(effectiveContext(page, [])).toEqual([{ ...inClause('sys', 't.system_id', ['S01']), isDefault: true }]);
    const chosen = [inClause('sys', 't.system_id', ['S08']), inClause('donut', 't.answer', ['あり'])];
    expect(effectiveContext(page, chosen)).toEqual(chosen);
  });

  it('gives each visual the context its declared scope lets through', () => {
    const ctx = effectiveContext(page, [inClause('donut', 't.answer', ['あり']), inClause('muni', 'p.lg_code', ['011002']), inClause('matrix-cols', 't.pref', ['01'])]);
    expect(scopedFilters(page, ctx, 'donut').map((c) => c.source)).toEqual(['muni', 'matrix-cols', 'sys']);
    expect(scopedFilters(page, ctx, 'list').map((c) => c.source)).toEqual(['muni']);
    expect(scopedFilters(page, ctx, 'matrix-rows').map((c) => c.source)).toEqual(['donut', 'muni', 'sys']);
    // Anything not declared as a visual (KPIs, the download) reads the whole context.
    expect(scopedFilters(page, ctx, 'kpi').length).toBe(4);
  });

  it('derives the URL parameters from the declarations (slicers, then clickable visuals)', () => {
    expect(pageParams(page).map((p) => [p.source, p.label])).toEqual([['donut', '円グラフ'], ['matrix-rows', '行']]);
  });
});
