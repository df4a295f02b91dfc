import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import { lookup } from '../../src/lib/charts/compile-vega';
import { COMPILE_OPTIONS, precompile, SOURCES } from './precompile';

describe('charts compiled at build time', () => {
  const table = precompile(SOURCES);

  it('finds every spec the build saw, and gives exactly what vega-lite compiles from it', () => {
    const specs = Object.values(SOURCES).flat();
    expect(specs.length).toBeGreaterThan(100);
    for (const spec of specs) expect(lookup(table, spec)).toEqual(compile(spec, COMPILE_OPTIONS).spec);
  });

  it('ships few whole specs: charts at other widths are short patches of one', () => {
    expect(table.bases.length).toBeLessThan(Object.keys(SOURCES).length * 2);
    for (const e of Object.values(table.entries)) expect(JSON.stringify(e.patch).length).toBeLessThan(JSON.stringify(table.bases[e.base]).length / 4);
  });

  it('a spec the build did not see is not found (it is compiled in the browser instead)', () => {
    const spec = { ...SOURCES['overview.year']![0]!, width: 12345 };
    expect(lookup(table, spec)).toBeNull();
  });
});
