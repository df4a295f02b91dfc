import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import { brushToRange, histogramSpec } from './histogram-spec';

const opts = { field: 'year', fieldTitle: '年', value: 'n', valueTitle: '件数', color: '#0017C1', brush: 'brush' };

describe('histogramSpec', () => {
  it('compiles with an x-only interval param over a continuous scale', () => {
    const vega = compile(histogramSpec(opts)).spec;
    const signals = (vega.signals ?? []).map((s) => s.name);
    expect(signals).toContain('brush');
    expect(signals).toContain('brush_x');
    const x = vega.scales?.find((s) => s.name === 'x');
    expect(x?.type).toBe('linear');
  });

  it('starts with the brush over whole bars when given a range', () => {
    const spec = histogramSpec({ ...opts, initial: { min: 2016, max: 2018 } }) as unknown as { layer: { params?: { value?: unknown }[] }[] };
    expect(spec.layer[0]?.params?.[0]?.value).toEqual({ x: [2016.01, 2018.99] });
  });
});

describe('brushToRange', () => {
  it('keeps the values whose bars the brush overlaps', () => {
    expect(brushToRange([2016.01, 2018.99])).toEqual({ min: 2016, max: 2018 });
    expect(brushToRange([2016.5, 2017.5])).toEqual({ min: 2016, max: 2017 });
    expect(brushToRange([2017.5, 2016.5])).toEqual({ min: 2016, max: 2017 });
    expect(brushToRange([2016.2, 2016.4])).toEqual({ min: 2016, max: 2016 });
  });

  it('leaves out a bar the brush only touches at its edge', () => {
    expect(brushToRange([2016, 2018])).toEqual({ min: 2016, max: 2017 });
  });

  it('is null for an empty brush', () => {
    expect(brushToRange(undefined)).toBeNull();
    expect(brushToRange([])).toBeNull();
    expect(brushToRange([2017, 2017])).toBeNull();
  });
});
