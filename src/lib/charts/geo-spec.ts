import type { TopLevelSpec } from 'vega-lite';
import { TABLE, isSelected, isHighlighted } from './chart-rows';

export interface GeoSpecOptions {
  /** TopoJSON of the areas, and the object inside it. */
  topology: { url: string; feature: string };
  /** Feature property that equals each row's `key` (e.g. `properties.lg_code`). */
  featureKey: string;
  key: string;
  /** Nominal field colouring each area, with every category and its colour. */
  color: { field: string; title: string; domain: readonly string[]; range: readonly string[] };
  tooltip: { field: string; title: string }[];
  /** Optional outer boundaries drawn on top (e.g. larger regions), not interactive. */
  outline?: { url: string; feature: string };
  width?: number;
  height?: number;
}

/**
 * A choropleth whose rows are the data (named source `table`): each row looks up its
 * shape, so clicks and tooltips carry the row's own fields and rows without a shape are
 * simply not drawn. Rows carry `_selected` (fade when false) and `_highlight` (outlined).
 * The outline and highlight layers are named (`outline_marks`, `highlight_marks` groups):
 * an unfilled SVG shape still takes clicks, so the page turns their pointer events off.
 */
export function geoSpec(o: GeoSpecOptions): TopLevelSpec {
  const layers: Record<string, unknown>[] = [
    {
      data: { name: TABLE },
      transform: [
        {
          lookup: o.key,
          from: { data: { url: o.topology.url, format: { type: 'topojson', feature: o.topology.feature } }, key: o.featureKey },
          as: '_geo'
        },
        { filter: 'isValid(datum._geo)' }
      ],
      mark: { type: 'geoshape', cursor: 'pointer', strokeWidth: 0.3, stroke: '#ffffff' },
      encoding: {
        shape: { field: '_geo', type: 'geojson' },
        color: { field: o.color.field, type: 'nominal', title: o.color.title, scale: { domain: [...o.color.domain], range: [...o.color.range] } },
        opacity: { condition: { test: isSelected, value: 1 }, value: 0.35 },
        tooltip: o.tooltip.map((t) => ({ field: t.field, type: 'nominal', title: t.title }))
      }
    },
    {
      name: 'highlight',
      data: { name: TABLE },
      transform: [
        { filter: isHighlighted },
        {
          lookup: o.key,
          from: { data: { url: o.topology.url, format: { type: 'topojson', feature: o.topology.feature } }, key: o.featureKey },
          as: '_geo'
        },
        { filter: 'isValid(datum._geo)' }
      ],
      mark: { type: 'geoshape', filled: false, stroke: '#1a1a1c', strokeWidth: 2, interactive: false, aria: false },
      encoding: { shape: { field: '_geo', type: 'geojson' } }
    }
  ];
  if (o.outline) {
    layers.splice(1, 0, {
      name: 'outline',
      data: { url: o.outline.url, format: { type: 'topojson', feature: o.outline.feature } },
      mark: { type: 'geoshape', filled: false, stroke: '#626264', strokeWidth: 0.6, interactive: false, aria: false }
    });
  }
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: o.width ?? 560,
    height: o.height ?? 560,
    projection: { type: 'mercator' },
    config: { font: 'Noto Sans JP, sans-serif', view: { stroke: null }, legend: { orient: 'bottom', columns: 1, labelFontSize: 12, labelLimit: 400 } },
    layer: layers
    // The layers are built as plain records (lookup-from-URL layers); vega-lite validates at compile.
  } as unknown as TopLevelSpec;
}
