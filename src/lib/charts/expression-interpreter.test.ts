import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { parse, parseExpression, View } from 'vega';
import { expressionInterpreter } from 'vega-interpreter';
import type { Row } from '../db/types';
import { charts, drawn, tableVega } from './drawn.fixture';
import { syncTable, withRows } from './table-sync';

/**
 * The charts run Vega's expressions through vega-interpreter (no `eval` under the site's CSP),
 * patched (patches/vega-interpreter+2.3.2.patch) so that a call without an event reuses one
 * scope per function table instead of building a new one each time: the encoders call it for
 * every channel of every item on every redraw, and that garbage was most of a click's
 * allocation (docs/performance.md, "Twelfth session"). The oracle is Vega's own code
 * generator, which compiles the same expressions to JavaScript functions (allowed in Node).
 */
function view(spec: object, rows: Row[], interpreted: boolean): View {
  const vega = withRows(tableVega(spec), rows);
  return interpreted
    ? new View(parse(vega, {}, { ast: true }), { renderer: 'none', expr: expressionInterpreter as never })
    : new View(parse(vega), { renderer: 'none' });
}

describe('the patched expression interpreter', () => {
  for (const [name, spec, row, key] of charts) {
    const rows = (min: number, max: number) => fc.uniqueArray(row, { minLength: min, maxLength: max, selector: (r) => r[key] });
    it(`draws a ${name} chart exactly as Vega's compiled expressions do, through a run of updates`, async () => {
      await fc.assert(
        fc.asyncProperty(rows(1, 5), fc.array(rows(0, 5), { minLength: 1, maxLength: 4 }), async (first, updates) => {
          const [mine, oracle] = [view(spec, first, true), view(spec, first, false)];
          await Promise.all([mine.runAsync(), oracle.runAsync()]);
          expect(drawn(mine)).toEqual(drawn(oracle));
          let [a, b] = [syncTable(mine, null, first).loaded, syncTable(oracle, null, first).loaded];
          for (const next of updates) {
            [a, b] = [syncTable(mine, a, next).loaded, syncTable(oracle, b, next).loaded];
            await Promise.all([mine.runAsync(), oracle.runAsync()]);
            expect(drawn(mine)).toEqual(drawn(oracle));
          }
          mine.finalize();
          oracle.finalize();
        }),
        { numRuns: 20 }
      );
    });
  }

  const fnTable = (extra: Record<string, unknown> = {}) => ({ ...extra }) as never;
  const ast = (source: string) => parseExpression(source);

  it('keeps an outer call intact when a function it calls interprets another expression (re-entry)', () => {
    const functions: Record<string, unknown> = {};
    const ctx = { functions } as never;
    const inner = expressionInterpreter.parameter(ctx, { ast: ast('datum.v * 10') } as never);
    functions.nested = () => inner({ v: 7 } as never, {} as never);
    functions.boom = () => {
      throw new Error('boom');
    };
    const outer = expressionInterpreter.parameter(ctx, { ast: ast("datum.a + nested() + datum.b + '' + (datum.a == 1)") } as never);
    expect(outer({ a: 1, b: 2 } as never, {} as never)).toBe('73true');
    // The scope is given back after a call that threw, and the next call reads its own datum.
    const failing = expressionInterpreter.parameter(ctx, { ast: ast('datum.a + boom()') } as never);
    expect(() => failing({ a: 1 } as never, {} as never)).toThrow('boom');
    expect(outer({ a: 5, b: 5 } as never, {} as never)).toBe('80false');
  });

  it('gives an event handler the event functions of its own event, and calls without an event none', () => {
    const functions = fnTable();
    const handler = expressionInterpreter.handler({ functions } as never, { ast: ast('x() + 1') } as never);
    const event = { vega: { x: () => 41 } };
    expect(handler({} as never, event as never)).toBe(42);
    const noEvent = expressionInterpreter.parameter({ functions } as never, { ast: ast('x()') } as never);
    expect(() => noEvent({} as never, {} as never)).toThrow(TypeError);
  });

  describe('allocation', () => {
    afterEach(() => vi.restoreAllMocks());
    it('builds the scope of calls without an event once per function table, not once per call', () => {
      const functions = fnTable();
      const encode = expressionInterpreter.parameter({ functions } as never, { ast: ast('datum.n * 2 + 1') } as never);
      const create = vi.spyOn(Object, 'create');
      let sum = 0;
      for (let i = 0; i < 1000; i++) sum += encode({ n: i } as never, {} as never) as number;
      expect(sum).toBe(1000 * 999 + 1000);
      expect(create.mock.calls.filter(([proto]) => proto === functions).length).toBeLessThanOrEqual(1);
    });
  });
});
