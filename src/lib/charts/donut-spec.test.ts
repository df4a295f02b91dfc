import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import { donutSpec, isDark } from './donut-spec';

const opts = {
  category: 'answer',
  categoryTitle: '回答',
  value: 'n',
  valueTitle: '件数',
  share: 'share',
  domain: ['あり', 'なし', '不明'],
  colors: ['#0017C1', '#7096F8', '#cccccc']
};

describe('donutSpec', () => {
  it('compiles to Vega with a fixed category order and colours', () => {
    const spec = donutSpec(opts);
    const vega = compile(spec).spec;
    const color = vega.scales?.find((s) => s.name === 'color') as { domain?: unknown; range?: unknown } | undefined;
    expect(color?.domain).toEqual(['あり', 'なし', '不明']);
    expect(color?.range).toEqual(['#0017C1', '#7096F8', '#cccccc']);
    expect(JSON.stringify(vega)).toContain('indexof');
  });

  it('labels slices as whole percentages and hides labels of thin slices', () => {
    const json = JSON.stringify(donutSpec({ ...opts, labelMin: 0.1 }));
    expect(json).toContain("format(datum[\\\"share\\\"], '.0%')");
    expect(json).toContain('>= 0.1');
  });

  it('keeps one legend: the slices’ colours only', () => {
    const vega = compile(donutSpec(opts)).spec;
    expect(vega.legends?.length).toBe(1);
    expect(vega.legends?.[0]?.fill).toBe('color');
  });

  it('rejects a colour list that does not match the categories', () => {
    expect(() => donutSpec({ ...opts, colors: ['#000'] })).toThrow();
  });

  it('tells dark from light colours for the label ink', () => {
    expect(isDark('#0017C1')).toBe(true);
    expect(isDark('#7096F8')).toBe(false);
    expect(isDark('#C5D7FB')).toBe(false);
    expect(isDark('#cccccc')).toBe(false);
    expect(isDark('not a colour')).toBe(false);
  });
});
