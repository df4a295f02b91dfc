import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import type { Spec } from 'vega';
import { barSpec } from './bar-spec';
import { geoSpec } from './geo-spec';
import { keepRowOrder, ROW } from './row-order';

type M = { name?: string; from?: { data?: string; facet?: unknown }; sort?: unknown; marks?: M[] };
const marks = (node: { marks?: M[] }): M[] => (node.marks ?? []).flatMap((m) => [m, ...marks(m)]);

describe('keepRowOrder', () => {
  it('sorts by row position every mark drawn from the rows, in the cells of a grouped chart', () => {
    const spec = barSpec({ category: 'k', categoryTitle: 'K', value: 'n', valueTitle: 'N', group: { field: 'g', values: ['a', 'b'] } });
    const out = keepRowOrder(compile(spec).spec, 'table');
    const fromRows = marks(out).filter((m) => m.from?.data);
    // The bars and their value labels, drawn in every cell (group) of the facet.
    expect(fromRows.length).toBe(2);
    for (const m of fromRows) expect(m.sort).toEqual({ field: `datum.${ROW}` });
  });

  it('follows the rows through a facet: marks drawn from its cells are sorted, the cells keep their own order', () => {
    const vega = {
      data: [{ name: 'table' }, { name: 'other' }],
      marks: [
        { type: 'group', name: 'cell', from: { facet: { name: 'per_group', data: 'table', groupby: ['g'] } }, sort: { field: 'datum.g' }, marks: [{ type: 'rect', from: { data: 'per_group' } }] },
        { type: 'group', from: { facet: { name: 'per_other', data: 'other', groupby: ['g'] } }, marks: [{ type: 'rect', from: { data: 'per_other' } }] }
      ]
    } as unknown as Spec;
    const out = marks(keepRowOrder(vega, 'table'));
    expect(out.map((m) => m.sort)).toEqual([{ field: 'datum.g' }, { field: `datum.${ROW}` }, undefined, undefined]);
  });

  it('leaves marks of other data (a map outline) and marks that already sort alone', () => {
    const spec = geoSpec({
      topology: { url: 'map/areas.json', feature: 'areas' },
      featureKey: 'properties.code',
      key: 'code',
      color: { field: 's', title: 'S', domain: ['a'], range: ['#000'] },
      tooltip: [],
      outline: { url: 'map/outline.json', feature: 'o' }
    });
    const vega = compile(spec).spec;
    const first = marks(vega).find((m) => m.from?.data)!;
    first.sort = { field: 'datum.x' };
    const out = keepRowOrder(vega as Spec, 'table');
    const sorted = marks(out).filter((m) => m.from?.data).map((m) => m.sort);
    expect(sorted).toContainEqual({ field: 'datum.x' });
    expect(sorted).toContainEqual(undefined);
    expect(sorted.filter((s) => JSON.stringify(s) === JSON.stringify({ field: `datum.${ROW}` })).length).toBe(sorted.length - 2);
  });
});
