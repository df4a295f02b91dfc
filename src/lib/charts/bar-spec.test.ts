import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import { parse, View } from 'vega';
import { expressionInterpreter } from 'vega-interpreter';
import type { Row } from '../db/types';
import { barSpec } from './bar-spec';
import { keepRowOrder } from './row-order';
import { withRows } from './table-sync';

const GROUPS = ['甲部門', '乙部門', '丙部門'];
const grouped = barSpec({
  category: 'name',
  categoryTitle: '名前',
  value: 'n',
  valueTitle: '件数',
  sortBy: 'order',
  group: { field: 'division', values: GROUPS },
  threshold: { at: 5, above: '5以上', below: '5未満', colors: ['#000', '#999'] }
});

type Item = { items?: Mark[]; text?: unknown; width?: number; datum?: Row };
/** An axis of the value (x) scale with labels (not its grid lines). */
const isValueAxis = (d?: Row) => /(^|_)x$/.test(String(d?.scale)) && d?.labels === true;
type Mark = { role?: string; marktype?: string; name?: string; items?: Item[] };

/** The chart as the browser draws it (the same compiled spec and first rows as VegaChart), with Vega's warnings. */
async function draw(rows: Row[]) {
  const warnings: string[] = [];
  const keep = (...a: unknown[]) => void warnings.push(a.join(' '));
  const logger = { level: () => logger, error: keep, warn: keep, info: () => logger, debug: () => logger };
  const vega = withRows(keepRowOrder(compile(grouped).spec, 'table'), rows);
  const view = new View(parse(vega, {}, { ast: true }), { renderer: 'none', expr: expressionInterpreter as never, logger: logger as never });
  await view.runAsync();
  const marks: Mark[] = [];
  const walk = (m: Mark) => {
    marks.push(m);
    for (const i of m.items ?? []) for (const c of i.items ?? []) walk(c);
  };
  walk((view.scenegraph() as unknown as { root: Mark }).root);
  const texts = marks.filter((m) => m.marktype === 'text').flatMap((m) => (m.items ?? []).map((i) => String(i.text ?? '')));
  const out = {
    warnings,
    /** The panels' headings (the group names drawn), top to bottom. */
    headings: texts.filter((t) => GROUPS.includes(t)),
    /** Value axes drawn (one per panel). */
    valueAxes: marks.filter((m) => m.role === 'axis' && (m.items ?? []).some((i) => isValueAxis(i.datum))).length,
    /** Each bar's length, by category. */
    bars: Object.fromEntries(
      marks.filter((m) => m.marktype === 'rect' && m.role === 'mark').flatMap((m) => (m.items ?? []).map((i) => [String(i.datum?.name), i.width ?? 0]))
    )
  };
  view.finalize();
  return out;
}

const row = (name: string, division: string, n: number, order: number): Row => ({ name, division, n, order, _selected: true, _active: false });

describe('barSpec with groups', () => {
  it('draws a panel (heading, bars, value axis) only for the groups that have rows, in the declared order', async () => {
    const all = await draw([row('A', '丙部門', 3, 3), row('B', '甲部門', 8, 1), row('C', '乙部門', 2, 2)]);
    expect(all.headings).toEqual(['甲部門', '乙部門', '丙部門']);
    expect(all.valueAxes).toBe(3);
    expect(all.warnings).toEqual([]);

    const some = await draw([row('A', '丙部門', 3, 3), row('B', '甲部門', 8, 1)]);
    expect(some.headings).toEqual(['甲部門', '丙部門']);
    expect(some.valueAxes).toBe(2);
    expect(some.warnings).toEqual([]);
  });

  it('gives every panel one value scale over all rows: bar lengths compare across groups', async () => {
    const { bars } = await draw([row('A', '丙部門', 2, 3), row('B', '甲部門', 10, 1)]);
    expect(bars.A! / bars.B!).toBeCloseTo(0.2, 5);
  });
});
