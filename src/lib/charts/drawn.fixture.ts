/**
 * Charts and their drawing, shared by the tests of table-sync.ts and of the expression
 * interpreter: one case per kind of chart the site draws, with rows shaped as its query
 * returns them, and what the SVG renderer would draw of a view.
 */
import fc from 'fast-check';
import type { Spec, View } from 'vega';
import { compile } from 'vega-lite';
import type { Row } from '../db/types';
import { barSpec } from './bar-spec';
import { TABLE } from './chart-rows';
import { donutSpec } from './donut-spec';
import { histogramSpec } from './histogram-spec';
import { keepRowOrder } from './row-order';

/** A chart's Vega-Lite spec as the component runs it: compiled, its marks keeping the rows' order. */
export function tableVega(spec: object): Spec {
  return keepRowOrder(compile(spec as never).spec, TABLE);
}

/**
 * What the SVG renderer draws: every item of the chart's own marks in scenegraph order (the
 * SVG's document order, so a screen reader's reading order), then every item of every mark
 * with its visible properties, sorted (axis ticks keep no defined order; they are hidden
 * from assistive technology).
 */
export function drawn(view: View): string[] {
  const order: string[] = [];
  const all: string[] = [];
  const props = ['x', 'y', 'x2', 'y2', 'width', 'height', 'fill', 'stroke', 'strokeWidth', 'opacity', 'fillOpacity', 'text', 'startAngle', 'endAngle', 'description', 'tooltip', 'aria'];
  const walk = (node: { items?: Record<string, unknown>[]; marktype?: string; name?: string; role?: string }, path: string) => {
    const here = node.marktype ? `${path}/${node.marktype}:${node.name ?? ''}` : path;
    for (const item of node.items ?? []) {
      const shown = `${here} ${JSON.stringify(Object.fromEntries(props.filter((p) => item[p] !== undefined).map((p) => [p, item[p]])))}`;
      if (node.marktype) all.push(shown);
      if (node.role === 'mark' && node.marktype !== 'group') order.push(shown);
      walk(item as never, here);
    }
  };
  walk((view.scenegraph() as unknown as { root: never }).root, '');
  return [...order, '--', ...all.sort()];
}

export const systemsLike = barSpec({
  category: 'name',
  categoryTitle: '名前',
  value: 'n',
  valueTitle: '件数',
  sortBy: 'order',
  group: { field: 'division', values: ['甲', '乙'] },
  threshold: { at: 5, above: '5以上', below: '5未満', colors: ['#000', '#999'] }
});
// The third element names the category: one row per category, as every visual's query returns.
export const charts: [string, object, fc.Arbitrary<Row>, string][] = [
  [
    'grouped, thresholded bars',
    systemsLike,
    // The sort key and the group are properties of the category, as a system's order and division are
    // (with ties in the sort key, Vega's order of tied bars is not defined, afresh or not).
    fc
      .record({ name: fc.constantFrom('A', 'B', 'C', 'D', 'E'), n: fc.integer({ min: 0, max: 9 }), _selected: fc.boolean(), _active: fc.boolean() })
      .map(({ name, ...r }) => ({ name, n: r.n, order: name.charCodeAt(0), division: name < 'C' ? '甲' : '乙', _selected: r._selected, _active: r._active })),
    'name'
  ],
  [
    'vertical bars',
    barSpec({ category: 'year', categoryTitle: '年', value: 'n', valueTitle: '件数', sortBy: 'year', horizontal: false }),
    fc.record({ year: fc.integer({ min: 2015, max: 2024 }), n: fc.integer({ min: 0, max: 30 }), _selected: fc.boolean(), _active: fc.boolean() }),
    'year'
  ],
  [
    'donut',
    donutSpec({ category: 'answer', categoryTitle: '回答', value: 'n', valueTitle: '件数', share: 'share', domain: ['あり', 'なし', '不明'], colors: ['#0017C1', '#7096F8', '#cccccc'] }),
    fc.record({ answer: fc.constantFrom('あり', 'なし', '不明'), n: fc.integer({ min: 1, max: 30 }), share: fc.double({ min: 0, max: 1, noNaN: true }), _selected: fc.boolean(), _active: fc.boolean() }),
    'answer'
  ],
  [
    'histogram',
    histogramSpec({ field: 'year', fieldTitle: '年', value: 'n', valueTitle: '件数', color: '#000', brush: 'b' }),
    fc.record({ year: fc.integer({ min: 2015, max: 2024 }), n: fc.integer({ min: 0, max: 30 }), _selected: fc.boolean(), _active: fc.boolean() }),
    'year'
  ]
];
