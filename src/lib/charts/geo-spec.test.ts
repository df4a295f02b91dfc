import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import { geoSpec } from './geo-spec';

const opts = {
  topology: { url: 'map/areas.json', feature: 'areas' },
  featureKey: 'properties.code',
  key: 'code',
  color: { field: 'status', title: '状態', domain: ['a', 'b'], range: ['#0017C1', '#cccccc'] },
  tooltip: [{ field: 'name', title: '名前' }]
};

describe('geoSpec', () => {
  it('compiles: rows look up their shapes from the TopoJSON, coloured by a fixed domain', () => {
    const vega = compile(geoSpec(opts)).spec;
    const json = JSON.stringify(vega);
    expect(json).toContain('"type":"lookup"');
    expect(json).toContain('map/areas.json');
    expect(vega.projections?.[0]?.type).toBe('mercator');
    expect(vega.scales?.find((s) => s.name === 'color')?.domain).toEqual(['a', 'b']);
  });

  it('draws the outline layer only when asked', () => {
    expect(JSON.stringify(geoSpec(opts))).not.toContain('outline.json');
    const spec = geoSpec({ ...opts, outline: { url: 'map/outline.json', feature: 'o' } });
    expect(JSON.stringify(compile(spec).spec)).toContain('map/outline.json');
  });
});
