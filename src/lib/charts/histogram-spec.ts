import type { TopLevelSpec } from 'vega-lite';

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
 * them (interval params need a continuous scale). Bar `v` spans [v, v+1); `brushToRange`
 * turns the brush back into whole values. Outside the brush, bars fade.
 */
export function histogramSpec(o: HistogramSpecOptions): TopLevelSpec {
  const end = `datum[${JSON.stringify(o.field)}] + 1`;
  const param: Record<string, unknown> = { name: o.brush, select: { type: 'interval', encodings: ['x'] } };
  if (o.initial) param.value = { x: [o.initial.min, o.initial.max + 1] };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    data: { name: 'table' },
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
          opacity: { condition: { param: o.brush, empty: true, value: 1 }, value: 0.3 }
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
 * The whole values whose bars' centres lie inside a brush over [v, v+1) bars, or null
 * when the brush is empty or covers no centre.
 */
export function brushToRange(extent: readonly number[] | undefined): { min: number; max: number } | null {
  if (!extent || extent.length !== 2) return null;
  const lo = Math.min(extent[0]!, extent[1]!);
  const hi = Math.max(extent[0]!, extent[1]!);
  const min = Math.ceil(lo - 0.5);
  const max = Math.floor(hi - 0.5);
  return min <= max ? { min, max } : null;
}
