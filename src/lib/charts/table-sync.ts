import type { Spec, View } from 'vega';
import type { Row } from '../db/types';
import { TABLE } from './chart-rows';
import { ROW } from './row-order';

/** One value to change in place: row `index`'s `field` becomes `value`. */
export interface RowChange {
  index: number;
  field: string;
  value: Row[string];
}

/**
 * How to turn one row list into another: change these values of the rows both lists have
 * (by position), then add the rows beyond the old list's end, or drop the `removed` rows at
 * its end. Null when a row both lists have changed its fields (then the rows are replaced).
 */
export interface RowDiff {
  changes: RowChange[];
  added: readonly Row[];
  removed: number;
}

/** The difference of two row lists (see RowDiff). Pure; applying it to a copy of `before` gives `after` (property-tested). */
export function rowDiff(before: readonly Row[], after: readonly Row[]): RowDiff | null {
  const both = Math.min(before.length, after.length);
  const changes: RowChange[] = [];
  for (let index = 0; index < both; index++) {
    const a = before[index]!;
    const b = after[index]!;
    const fields = Object.keys(b);
    if (Object.keys(a).length !== fields.length) return null;
    for (const field of fields) {
      if (!(field in a)) return null;
      if (!Object.is(a[field], b[field])) changes.push({ index, field, value: b[field] ?? null });
    }
  }
  return { changes, added: after.slice(both), removed: before.length - both };
}

/**
 * What a view's TABLE holds: the rows it was last given, and the tuples Vega owns for them
 * (copies, each with its position as ROW, which row-order.ts draws the marks in).
 */
export interface Loaded {
  rows: readonly Row[];
  tuples: Row[];
}

/** The tuples a view is given for `rows`: copies (Vega owns them), each with its position as ROW. */
const tuplesOf = (rows: readonly Row[], from = 0): Row[] => rows.map((r, i) => ({ ...r, [ROW]: from + i }));

/**
 * A compiled spec whose data set TABLE holds `rows` from the start, so the view's first run
 * draws them. A view created empty and given its rows afterwards first runs with no rows:
 * every quantitative scale then has a domain of no values, Vega logs 「Infinite extent for
 * field …」 and axes' ARIA labels name ±Infinity. Modifies and returns the spec (like
 * row-order.ts); read what the view then holds with `loadedAtStart`.
 */
export function withRows(spec: Spec, rows: readonly Row[]): Spec {
  const table = spec.data?.find((d) => d.name === TABLE);
  if (!table) throw new Error(`withRows: the spec has no data set ${TABLE}`);
  (table as { values?: Row[] }).values = tuplesOf(rows);
  return spec;
}

/** What a view made from `withRows(spec, rows)` holds: Vega's own tuples for `rows`, in their order (for syncTable). */
export function loadedAtStart(view: View, rows: readonly Row[]): Loaded {
  const tuples = [...(view.data(TABLE) as Row[])].sort((a, b) => Number(a[ROW]) - Number(b[ROW]));
  return { rows, tuples };
}

/**
 * Brings a view's data set TABLE to `rows` with the least work for Vega: nothing when no
 * value changed (a click elsewhere that left this visual's rows and flags alone); otherwise
 * one changeset that modifies the changed fields of the existing tuples, adds the rows
 * beyond them and removes the surplus (a selection or cursor flag, new counts, a shorter or
 * longer list after a filter: Vega re-encodes only those items and the SVG keeps its
 * elements). Vega's transforms (filter, lookup, calculate, aggregate, stack) re-run for
 * modified fields, so the view ends as if it had been given `rows` afresh
 * (table-sync.test.ts compares both). Replaced whole only when a row's fields differ.
 * `loaded` must be what this function returned for the same view (null for a new view).
 * The caller runs the view when `changed`.
 */
export function syncTable(view: View, loaded: Loaded | null, rows: readonly Row[]): { loaded: Loaded; changed: boolean } {
  const diff = loaded ? rowDiff(loaded.rows, rows) : null;
  if (!loaded || !diff) {
    const tuples = tuplesOf(rows);
    view.data(TABLE, tuples);
    return { loaded: { rows, tuples }, changed: true };
  }
  const { changes, added, removed } = diff;
  if (changes.length === 0 && added.length === 0 && removed === 0) return { loaded: { rows, tuples: loaded.tuples }, changed: false };
  const kept = loaded.tuples.length - removed;
  const fresh = tuplesOf(added, kept);
  const set = view.changeset();
  for (const c of changes) set.modify(loaded.tuples[c.index]!, c.field, c.value);
  view.change(TABLE, set.insert(fresh).remove(loaded.tuples.slice(kept)));
  return { loaded: { rows, tuples: [...loaded.tuples.slice(0, kept), ...fresh] }, changed: true };
}
