import type { Row } from '../db/types';
import type { Clause } from '../filter/clause';
import type { PageDecl } from '../filter/page-context';
import type { Scalar } from '../sql/quote';
import { compileBindings, type Bindings } from './query-binding';
import { dimensionAlias } from './spec';

/**
 * Every state one click can reach from a page's default view: each mark of each clickable
 * visual selected alone — for an 'in' selection each value present in the visual's rows
 * (the rows of the bindings scoped to it), for a range brush each single bar as [v, v].
 * A mark's value is its row's column named after the selected field (`cases.system_id` →
 * `system_id`); NULL marks are left out (they stay with the engine). Pure.
 */
export function oneClickStates(page: PageDecl, bindings: Bindings, rows: Partial<Record<string, readonly Row[]>>): Clause[][] {
  const states: Clause[][] = [];
  for (const v of page.visuals) {
    if (!v.select) continue;
    const column = dimensionAlias(v.select.field);
    const values = new Set<Scalar>();
    for (const [name, b] of Object.entries(bindings)) {
      if (b.scope !== v.id) continue;
      for (const r of rows[name] ?? []) if (r[column] !== null && r[column] !== undefined) values.add(r[column] as Scalar);
    }
    for (const value of values) {
      const predicate: Clause['predicate'] =
        v.select.kind === 'range' ? { kind: 'range', min: Number(value), max: Number(value) } : { kind: 'in', values: [value] };
      states.push([{ source: v.id, field: v.select.field, predicate }]);
    }
  }
  return states;
}

/**
 * The distinct SQL texts the page's bindings run in its one-click states (those equal to
 * the default view's are left out: the prerendered figures answer them). Paged lists are
 * left out too: a page of rows (up to PAGE_SIZE per state) would make most of the file at
 * scale, so after a click before the engine is ready a list shows "pending" and is answered
 * by the engine, while KPIs and charts answer at once. Their rows still give the states
 * (a click in a list's row is a one-click state for the other visuals). A binding that does
 * not compile in some state is reported, never skipped silently.
 */
export function oneClickQueries(page: PageDecl, bindings: Bindings, rows: Partial<Record<string, readonly Row[]>>): { sql: string[]; errors: string[] } {
  const initial = new Set(Object.values(compileBindings(page, bindings, [])).flatMap((c) => (c.ok ? [c.sql] : [])));
  const answered = Object.fromEntries(Object.entries(bindings).filter(([, b]) => !b.paged));
  const sql = new Set<string>();
  const errors: string[] = [];
  for (const state of oneClickStates(page, bindings, rows)) {
    for (const [name, c] of Object.entries(compileBindings(page, answered, state))) {
      if (!c.ok) errors.push(`${name}: ${c.error}`);
      else if (!initial.has(c.sql)) sql.add(c.sql);
    }
  }
  return { sql: [...sql], errors };
}
