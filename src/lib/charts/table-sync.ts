import type { View } from 'vega';
import type { Row } from '../db/types';
import { TABLE } from './chart-rows';

/** One value to change in place: row `index`'s `field` becomes `value`. */
export interface RowChange {
  index: number;
  field: string;
  value: unknown;
}

/**
 * The values that differ between two row lists of the same shape (same length, each row
 * with the same fields), or null when the shape differs and the rows must be replaced.
 * Pure; applying the changes to a copy of `before` gives `after` (property-tested).
 */
export function rowChanges(before: readonly Row[], after: readonly Row[]): RowChange[] | null {
  if (before.length !== after.length) return null;
  const out: RowChange[] = [];
  for (let index = 0; index < after.length; index++) {
    const a = before[index]!;
    const b = after[index]!;
    const fields = Object.keys(b);
    if (Object.keys(a).length !== fields.length) return null;
    for (const field of fields) {
      if (!(field in a)) return null;
      if (!Object.is(a[field], b[field])) out.push({ index, field, value: b[field] });
    }
  }
  return out;
}

/** What a view's TABLE holds: the rows it was last given, and the tuples Vega owns for them. */
export interface Loaded {
  rows: readonly Row[];
  tuples: Row[];
}

/**
 * Brings a view's data set TABLE to `rows` with the least work for Vega: nothing when no
 * value changed (a click elsewhere that left this visual's rows and flags alone), a
 * changeset that modifies the changed fields of the existing tuples when the shape is the
 * same (a selection or a cursor flag, new counts for the same bars: Vega re-encodes only
 * those items and the SVG keeps its elements), otherwise a whole new data set. Vega's
 * transforms (filter, lookup, calculate, aggregate, stack) re-run for modified fields, so
 * the view ends as if it had been given `rows` afresh (table-sync.test.ts compares both).
 * `loaded` must be what this function returned for the same view (null for a new view).
 * The caller runs the view when `changed`.
 */
export function syncTable(view: View, loaded: Loaded | null, rows: readonly Row[]): { loaded: Loaded; changed: boolean } {
  const changes = loaded ? rowChanges(loaded.rows, rows) : null;
  if (!loaded || !changes) {
    const tuples = rows.map((r) => ({ ...r }));
    view.data(TABLE, tuples);
    return { loaded: { rows, tuples }, changed: true };
  }
  if (changes.length === 0) return { loaded: { rows, tuples: loaded.tuples }, changed: false };
  const set = view.changeset();
  for (const c of changes) set.modify(loaded.tuples[c.index]!, c.field, c.value);
  view.change(TABLE, set);
  return { loaded: { rows, tuples: loaded.tuples }, changed: true };
}
