import type { TopLevelSpec } from 'vega-lite';
import { TABLE, isSelected, isActive } from './chart-rows';

export interface BarSpecOptions {
  /** Category field (a row label). */
  category: string;
  categoryTitle: string;
  /** Numeric field (bar length). */
  value: string;
  valueTitle: string;
  /** Field whose order sorts the categories (ascending). */
  sortBy?: string;
  /** One stacked panel per value of `field` that has rows, in the given order (none for a value without rows). */
  group?: { field: string; values: readonly string[] };
  /** Colour bars by a threshold on `value` (e.g. 20件以上 / 20件未満). */
  threshold?: { at: number; above: string; below: string; colors: [string, string] };
  color?: string;
  horizontal?: boolean;
  tooltip?: { field: string; title: string }[];
  width?: number;
  /** Longest category label in px before it is cut with an ellipsis. */
  labelLimit?: number;
}

/**
 * A bar chart over the named data source `table`. Rows carry `_selected` (true when no
 * selection is active or the row is selected); unselected bars fade, as in Power BI.
 */
export function barSpec(o: BarSpecOptions): TopLevelSpec {
  const horizontal = o.horizontal ?? true;
  const cat = { field: o.category, type: 'nominal' as const, title: o.categoryTitle, sort: o.sortBy ? { field: o.sortBy, op: 'min' as const } : null };
  const val = { field: o.value, type: 'quantitative' as const, title: o.valueTitle, axis: { tickMinStep: 1, format: 'd' } };
  const colorEnc = o.threshold
    ? {
        field: '_band',
        type: 'nominal' as const,
        title: null,
        scale: { domain: [o.threshold.above, o.threshold.below], range: o.threshold.colors },
        legend: { orient: 'top' as const }
      }
    : { value: o.color ?? '#0017C1' };
  const encoding = {
    [horizontal ? 'y' : 'x']: { ...cat, axis: horizontal ? { labelLimit: o.labelLimit ?? 260, title: o.group ? null : o.categoryTitle } : { labelAngle: 0, labelOverlap: 'parity' as const } },
    [horizontal ? 'x' : 'y']: val,
    color: colorEnc,
    opacity: { condition: { test: isSelected, value: 1 }, value: 0.3 },
    tooltip: o.tooltip?.map((t) => ({ field: t.field, title: t.title })) ?? [
      { field: o.category, title: o.categoryTitle },
      { field: o.value, title: o.valueTitle }
    ]
  };
  const transform = o.threshold
    ? [{ calculate: `datum[${JSON.stringify(o.value)}] >= ${o.threshold.at} ? ${JSON.stringify(o.threshold.above)} : ${JSON.stringify(o.threshold.below)}`, as: '_band' }]
    : [];
  const layer = {
    layer: [
      {
        mark: { type: 'bar' as const, cursor: 'pointer' as const },
        // The keyboard cursor (see ui/mark-cursor): an outline on the current mark.
        encoding: {
          stroke: { condition: { test: isActive, value: '#1a1a1c' }, value: null },
          strokeWidth: { condition: { test: isActive, value: 3 }, value: 0 }
        }
      },
      {
        mark: horizontal
          ? { type: 'text' as const, align: 'left' as const, baseline: 'middle' as const, dx: 3, fontSize: 11 }
          : { type: 'text' as const, align: 'center' as const, baseline: 'bottom' as const, dy: -3, fontSize: 11 },
        encoding: { text: { field: o.value, type: 'quantitative' as const }, color: { value: '#1a1a1c' } }
      }
    ]
  };
  const base = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    data: { name: TABLE },
    config: { font: 'Noto Sans JP, sans-serif', view: { stroke: null }, axis: { labelFontSize: 12, titleFontSize: 12 } }
  };
  if (o.group) {
    // One cell per group value that has rows, stacked in the declared order: a group without
    // rows has no cell (no heading, band or axis of nothing). Each cell sizes to its own bars
    // (its category scale is its own, step-sized) and all share one value scale, over every
    // row, so bar lengths compare across groups; each cell has its own value axis.
    const g = o.group;
    const [catChannel, valChannel] = horizontal ? ['y', 'x'] : ['x', 'y'];
    return {
      ...base,
      transform,
      facet: {
        row: {
          field: g.field,
          type: 'nominal',
          sort: [...g.values],
          header: { title: null, labelAngle: 0, labelOrient: 'top', labelAnchor: 'start', labelAlign: 'left', labelFontSize: 13, labelFontWeight: 'bold', labelPadding: 6 }
        }
      },
      spacing: 12,
      resolve: { scale: { [catChannel]: 'independent' }, axis: { [valChannel]: 'independent' } },
      // One bar per category: nothing to stack (and the bars and their labels then read one data set).
      spec: { width: o.width ?? 420, height: { step: 20 }, encoding: { ...encoding, [valChannel]: { ...val, stack: null } }, ...layer }
    } as TopLevelSpec;
  }
  return { ...base, transform, width: o.width ?? 420, height: horizontal ? { step: 18 } : 220, encoding, ...layer } as TopLevelSpec;
}

