import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse, View } from 'vega';
import { expressionInterpreter } from 'vega-interpreter';
import type { Row } from '../db/types';
import { charts, drawn, systemsLike, tableVega } from './drawn.fixture';
import { loadedAtStart, rowDiff, syncTable, withRows, type Loaded } from './table-sync';

const cell = fc.oneof(fc.integer({ min: 0, max: 9 }), fc.constantFrom('a', 'b', 'c'), fc.boolean(), fc.constant(null));
const shaped = (n: number, fields: string[]) => fc.array(fc.record(Object.fromEntries(fields.map((f) => [f, cell]))), { minLength: n, maxLength: n });

describe('rowDiff', () => {
  it('lists exactly the values to change, the rows to add and how many to drop: applied, they give the new rows', () => {
    fc.assert(
      fc.property(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 })).chain(([m, n]) => fc.tuple(shaped(m, ['k', 'v', '_selected']), shaped(n, ['k', 'v', '_selected']))), ([before, after]) => {
        const { changes, added, removed } = rowDiff(before, after)!;
        const copy: Row[] = before.slice(0, before.length - removed).map((r) => ({ ...r }));
        for (const c of changes) copy[c.index]![c.field] = c.value;
        expect([...copy, ...added]).toEqual(after);
        expect(changes.every((c) => !Object.is(before[c.index]![c.field], c.value))).toBe(true);
        expect(added.length === 0 || removed === 0).toBe(true);
      })
    );
  });

  it('is null when a row both lists have changed its fields', () => {
    expect(rowDiff([{ k: 1 }], [{ j: 1 }])).toBeNull();
    expect(rowDiff([{ k: 1 }], [{ k: 1, j: 1 }, { k: 2 }])).toBeNull();
    expect(rowDiff([{ k: 1, j: 1 }], [{ k: 1 }])).toBeNull();
  });
});

const newView = (spec: object) => new View(parse(tableVega(spec), {}, { ast: true }), { renderer: 'none', expr: expressionInterpreter as never });

async function drawnFresh(spec: object, rows: Row[]): Promise<string[]> {
  const view = newView(spec);
  syncTable(view, null, rows);
  await view.runAsync();
  const out = drawn(view);
  view.finalize();
  return out;
}

describe('syncTable', () => {
  for (const [name, spec, row, key] of charts) {
    const rows = (min: number, max: number) => fc.uniqueArray(row, { minLength: min, maxLength: max, selector: (r) => r[key] });
    it(`draws a ${name} chart as if given the new rows afresh, however they differ from the old`, async () => {
      await fc.assert(
        fc.asyncProperty(
          // Often as many rows as before (only values change), otherwise fewer or more.
          rows(0, 4).chain((before) => fc.tuple(fc.constant(before), fc.oneof(rows(before.length, before.length), rows(0, 5)))),
          async ([before, after]) => {
            const view = newView(spec);
            let loaded: Loaded = syncTable(view, null, before).loaded;
            await view.runAsync();
            loaded = syncTable(view, loaded, after).loaded;
            await view.runAsync();
            expect(drawn(view)).toEqual(await drawnFresh(spec, after));
            expect(loaded.rows).toBe(after);
            view.finalize();
          }
        ),
        { numRuns: 25 }
      );
    });
  }

  it('changes nothing when no value changed, and modifies the same tuples in place when only values did', async () => {
    const view = newView(systemsLike);
    const rows = [{ name: 'A', n: 3, order: 0, division: '甲', _selected: true, _active: false }];
    const first = syncTable(view, null, rows);
    await view.runAsync();
    const same = syncTable(view, first.loaded, rows.map((r) => ({ ...r })));
    expect(same.changed).toBe(false);
    const picked = syncTable(view, same.loaded, [{ ...rows[0]!, _selected: false }]);
    expect(picked.changed).toBe(true);
    expect(picked.loaded.tuples[0]).toBe(first.loaded.tuples[0]);
    await view.runAsync();
    expect(view.data('table')[0]).toBe(first.loaded.tuples[0]);
    expect(view.data('table')[0]._selected).toBe(false);
    view.finalize();
  });
});

/** A view whose warnings are kept (Vega logs them, e.g. 「Infinite extent for field …」, and draws on). */
function watched(spec: object, rows?: Row[]): { view: View; warnings: string[] } {
  const warnings: string[] = [];
  // A brush listens on `window`, which Node does not have: not the chart's doing.
  const keep = (...args: unknown[]) => void (/event source: window/.test(args.join(' ')) || warnings.push(args.join(' ')));
  const logger = { level: () => logger, error: keep, warn: keep, info: () => logger, debug: () => logger };
  const vega = tableVega(spec);
  const view = new View(parse(rows ? withRows(vega, rows) : vega, {}, { ast: true }), { renderer: 'none', expr: expressionInterpreter as never, logger: logger as never });
  return { view, warnings };
}

describe('withRows', () => {
  it('is why a view starts with its rows: one first run on no rows warns of infinite extents', async () => {
    const { view, warnings } = watched(charts[1]![1]);
    await view.runAsync();
    expect(warnings.join('\n')).toMatch(/Infinite extent for field "n"/);
    view.finalize();
  });

  for (const [name, spec, row, key] of charts) {
    const rows = (min: number, max: number) => fc.uniqueArray(row, { minLength: min, maxLength: max, selector: (r) => r[key] });
    it(`starts a ${name} view with its rows: drawn at the first run as if given afterwards, no warning, and new rows stream in`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.tuple(rows(1, 4), rows(1, 5)), async ([first, after]) => {
          const { view, warnings } = watched(spec, first);
          await view.runAsync();
          expect(drawn(view)).toEqual(await drawnFresh(spec, first));
          const start = loadedAtStart(view, first);
          expect(start.tuples.map((t) => Object.fromEntries(Object.entries(t)))).toEqual(first.map((r, i) => ({ ...r, _row: i })));
          // What syncTable takes: Vega's own tuples, which it modifies in place.
          expect(start.tuples.every((t) => (view.data('table') as Row[]).includes(t))).toBe(true);
          syncTable(view, start, after);
          await view.runAsync();
          expect(drawn(view)).toEqual(await drawnFresh(spec, after));
          expect(warnings).toEqual([]);
          view.finalize();
        }),
        { numRuns: 15 }
      );
    });
  }

  it('refuses a spec without the data set the rows belong to (a wiring bug)', () => {
    expect(() => withRows({ data: [{ name: 'other' }] }, [{ a: 1 }])).toThrow(/table/);
  });
});
