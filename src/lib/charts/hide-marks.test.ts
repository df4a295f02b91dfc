import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import { hideMarks } from './hide-marks';
import { histogramSpec } from './histogram-spec';

describe('hideMarks', () => {
  it('hides an interval brush’s generated rectangles, nested in the compiled spec', () => {
    const vega = compile(histogramSpec({ field: 'y', fieldTitle: '年', value: 'n', valueTitle: '件数', color: '#000', brush: 'b' })).spec;
    const out = hideMarks(vega, ['b_brush_bg', 'b_brush']);
    const found: Record<string, unknown> = {};
    const walk = (n: { marks?: { name?: string; aria?: boolean; marks?: unknown[] }[] }) =>
      n.marks?.forEach((m) => {
        if (m.name) found[m.name] = m.aria;
        walk(m as never);
      });
    walk(out as never);
    expect(found['b_brush_bg']).toBe(false);
    expect(found['b_brush']).toBe(false);
    // The bars stay visible to assistive technology.
    expect(found['layer_0_marks']).not.toBe(false);
  });
});
