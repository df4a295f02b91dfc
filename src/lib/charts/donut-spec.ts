import type { TopLevelSpec } from 'vega-lite';
import { TABLE, isSelected } from './chart-rows';

export interface DonutSpecOptions {
  /** Category field (one slice per value). */
  category: string;
  categoryTitle: string;
  /** Count field (slice size). */
  value: string;
  valueTitle: string;
  /** Field holding the slice's share of the whole, 0…1 (labelled as a percentage). */
  share: string;
  /** Every category in legend/slice order, and a colour for each (same length). */
  domain: readonly string[];
  colors: readonly string[];
  /** Slices below this share get no label (they overlap); the tooltip still has it. */
  labelMin?: number;
  size?: number;
}

/**
 * A donut over the named data source `table`. Categories keep a fixed order and colour
 * whatever the data holds, so a filtered donut is comparable with the unfiltered one.
 * Rows carry `_selected`; unselected slices fade, as in Power BI.
 */
export function donutSpec(o: DonutSpecOptions): TopLevelSpec {
  if (o.domain.length !== o.colors.length) throw new Error('donutSpec: domain and colors differ in length');
  const size = o.size ?? 180;
  const outer = size / 2 - 4;
  const order = `indexof(${JSON.stringify(o.domain)}, datum[${JSON.stringify(o.category)}])`;
  // Labels sit on the slice, in whichever of white / near-black contrasts more with it.
  const dark = o.domain.filter((_, i) => isDark(o.colors[i]!));
  const onDark = `indexof(${JSON.stringify(dark)}, datum[${JSON.stringify(o.category)}]) >= 0`;
  const label = `datum[${JSON.stringify(o.share)}] >= ${o.labelMin ?? 0.05} ? format(datum[${JSON.stringify(o.share)}], '.0%') : ''`;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    data: { name: TABLE },
    width: size,
    height: size,
    config: { font: 'Noto Sans JP, sans-serif', view: { stroke: null }, legend: { labelFontSize: 12, orient: 'bottom', columns: 1 } },
    transform: [
      { calculate: order, as: '_order' },
      { calculate: label, as: '_label' }
    ],
    encoding: {
      theta: { field: o.value, type: 'quantitative', stack: true },
      order: { field: '_order', type: 'quantitative' },
      color: { field: o.category, type: 'nominal', title: null, scale: { domain: [...o.domain], range: [...o.colors] } },
      opacity: { condition: { test: isSelected, value: 1 }, value: 0.3 },
      tooltip: [
        { field: o.category, type: 'nominal', title: o.categoryTitle },
        { field: o.value, type: 'quantitative', title: o.valueTitle },
        { field: o.share, type: 'quantitative', title: '割合', format: '.1%' }
      ]
    },
    layer: [
      { mark: { type: 'arc', innerRadius: outer * 0.55, outerRadius: outer, cursor: 'pointer', stroke: '#fff', strokeWidth: 1 } },
      {
        mark: { type: 'text', radius: outer * 0.78, fontSize: 12, fontWeight: 'bold', aria: false, interactive: false },
        // A value condition, not a field: a colour field here would join the slices' legend.
        encoding: { text: { field: '_label', type: 'nominal' }, color: { condition: { test: onDark, value: '#ffffff' }, value: '#1a1a1c' } }
      }
    ]
  } as TopLevelSpec;
}

/**
 * Whether white text contrasts more than near-black with the colour: by the WCAG contrast
 * ratio, white wins below a relative luminance of about 0.2.
 */
export function isDark(hex: string): boolean {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return false;
  const lin = (c: string) => {
    const v = parseInt(c, 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(m[1]!) + 0.7152 * lin(m[2]!) + 0.0722 * lin(m[3]!) < 0.2;
}
