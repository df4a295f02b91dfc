import type { TopLevelSpec } from 'vega-lite';
import { TABLE, isSelected } from './chart-rows';

export interface HistogramSpecOptions {
  /** Integer field (e.g. a year): one bar per value, one unit wide. */
  field: string;
  fieldTitle: string;
  /** Count field (bar height). */
  value: string;
  valueTitle: string;
  color: string;
  /** Name of the interval param the chart exposes (x only). */
  brush: string;
  /** Integer range shown as the brush when the chart is created (e.g. restored from a URL). */
  initial?: { min: number; max: number } | null;
  width?: number;
}

/**
 * Bars over integers on a continuous axis, so an interval brush can be dragged across
 * them (interval params need a continuous scale). Bar `v` spans [v, v+1]; `brushToRange`
 * turns the brush back into whole values. Rows whose `_selected` is false fade.
 */
export function histogramSpec(o: HistogramSpecOptions): TopLevelSpec {
  const end = `datum[${JSON.stringify(o.field)}] + 1`;
  const param: Record<string, unknown> = { name: o.brush, select: { type: 'interval', encodings: ['x'] } };
  // Just inside the bars' edges, so the neighbours the brush would touch stay out (see brushToRange).
  if (o.initial) param.value = { x: [o.initial.min + 0.01, o.initial.max + 0.99] };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    data: { name: TABLE },
    width: o.width ?? 360,
    height: 200,
    config: { font: 'Noto Sans JP, sans-serif', view: { stroke: null }, axis: { labelFontSize: 12, titleFontSize: 12 } },
    transform: [{ calculate: end, as: '_end' }],
    encoding: {
      y: { field: o.value, type: 'quantitative', title: o.valueTitle, axis: { tickMinStep: 1, format: 'd' } },
      tooltip: [
        { field: o.field, type: 'quantitative', title: o.fieldTitle, format: 'd' },
        { field: o.value, type: 'quantitative', title: o.valueTitle }
      ]
    },
    layer: [
      {
        params: [param],
        mark: { type: 'bar', color: o.color, cursor: 'col-resize', binSpacing: 2 },
        encoding: {
          x: {
            field: o.field,
            type: 'quantitative',
            bin: { binned: true, step: 1 },
            title: o.fieldTitle,
            scale: { zero: false, nice: false },
            axis: { format: 'd', tickMinStep: 1, labelOverlap: true }
          },
          x2: { field: '_end' },
          // Faded by the rows' `_selected` (the committed range), not the live brush: Vega-Lite tests a
          // binned bar by its start value, which would disagree with brushToRange's overlap rule.
          opacity: { condition: { test: `${isSelected} !== false`, value: 1 }, value: 0.3 }
        }
      },
      {
        mark: { type: 'text', baseline: 'bottom', dy: -3, fontSize: 11, aria: false, interactive: false },
        encoding: {
          x: { field: '_mid', type: 'quantitative', title: o.fieldTitle },
          text: { field: o.value, type: 'quantitative' },
          color: { value: '#1a1a1c' }
        },
        transform: [{ calculate: `datum[${JSON.stringify(o.field)}] + 0.5`, as: '_mid' }]
      }
    ]
    // The interval param is built as a plain record (its `value` is optional); vega-lite validates at compile.
  } as unknown as TopLevelSpec;
}

/**
 * The whole values whose bars a brush overlaps (bar `v` spans [v, v+1]), or null when the
 * brush is empty. Vega-Lite highlights binned bars by overlap too, so what fades is what
 * filters; a brush edge that only touches a bar does not take it in.
 */
export function brushToRange(extent: readonly number[] | undefined): { min: number; max: number } | null {
  if (!extent || extent.length !== 2) return null;
  const lo = Math.min(extent[0]!, extent[1]!);
  const hi = Math.max(extent[0]!, extent[1]!);
  const min = Math.floor(lo);
  const max = Math.ceil(hi) - 1;
  return min <= max ? { min, max } : null;
}
