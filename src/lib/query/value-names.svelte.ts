import { untrack } from 'svelte';
import type { QueryEngine } from '../db/types';
import type { Clause } from '../filter/clause';
import type { SemanticModel } from '../model/types';
import type { Scalar } from '../sql/quote';
import { LiveQuery } from './live-query.svelte';
import { dimensionAlias } from './spec';
import { valueLabels, valueLabelsQuery } from './value-labels';

/** A key field whose names (and whose existing keys) only the data knows, e.g. a slicer with a large domain. */
export interface NamedField {
  field: string;
  /** The declared label column (the slicer's `labelField`). */
  labelField: string;
}

/**
 * The names of the values a filter context holds for fields whose domain is too large to
 * ship with every page (the prerendered HTML knows neither the names nor which keys exist):
 * looked up in the engine for just those values, once it is ready, and again when they
 * change. A value whose clause carries its own label (a click on a mark that showed it) is
 * not asked for. Values the data does not have are handed to `onUnknown`, once per answer,
 * so the page can refuse them as it refuses any invalid value. Call during component
 * initialisation (its LiveQuerys and effect live as long as the component).
 */
export class ValueNames {
  private readonly lookups: { field: string; query: LiveQuery; asked: () => Scalar[]; keyAlias: string; labelAlias: string }[];

  constructor(
    engine: () => QueryEngine | null,
    model: SemanticModel,
    fields: readonly NamedField[],
    clauses: () => readonly Clause[],
    onUnknown: (field: string, values: Scalar[]) => void
  ) {
    this.lookups = fields.map((f) => {
      const where = valueLabels(model, f.field, f.labelField);
      if ('error' in where) throw new Error(where.error);
      // The same list while the values stay the same: a change elsewhere in the context asks nothing again.
      let last: Scalar[] = [];
      const asked = $derived.by(() => {
        const next = unlabelled(clauses(), f.field);
        if (next.length !== last.length || next.some((v, i) => v !== last[i])) last = next;
        return last;
      });
      const compiled = $derived(valueLabelsQuery(model, where, asked));
      const query = new LiveQuery(engine, () => compiled);
      return { field: f.field, query, asked: () => asked, keyAlias: dimensionAlias(where.key), labelAlias: dimensionAlias(where.labelField) };
    });
    $effect(() => {
      for (const l of this.lookups) {
        const asked = l.asked();
        // An answer to the values asked now (LiveQuery's sql is the last question it was asked).
        if (asked.length === 0 || l.query.pending || l.query.error !== null) continue;
        const found = new Set(l.query.rows.map((r) => String(r[l.keyAlias])));
        const unknown = asked.filter((v) => !found.has(String(v)));
        if (unknown.length) untrack(() => onUnknown(l.field, unknown));
      }
    });
  }

  /** Whether a name is still being looked up (the engine is starting or answering). */
  get pending(): boolean {
    return this.lookups.some((l) => l.asked().length > 0 && l.query.pending);
  }

  /**
   * Whether a value of the context has no name yet: still being looked up, or the look-up gave
   * none (the engine failed, or the value is about to be refused). Words made now would carry
   * a placeholder or a code.
   */
  get unnamed(): boolean {
    return this.lookups.some((l) => l.asked().some((v) => this.name(l.field, v) === undefined));
  }

  /** The data's name of `value` of `field`, once looked up; undefined otherwise. */
  name(field: string, value: Scalar): string | undefined {
    const l = this.lookups.find((x) => x.field === field);
    const row = l?.query.rows.find((r) => String(r[l.keyAlias]) === String(value));
    return row && l ? String(row[l.labelAlias] ?? '') : undefined;
  }

  /** Whether `field`'s names are looked up here. */
  covers(field: string): boolean {
    return this.lookups.some((l) => l.field === field);
  }
}

/** The values of `field` in the context that no clause labels, each once. */
function unlabelled(clauses: readonly Clause[], field: string): Scalar[] {
  const out: Scalar[] = [];
  for (const c of clauses) {
    if (c.field !== field || c.predicate.kind !== 'in') continue;
    c.predicate.values.forEach((v, i) => {
      if (v !== null && c.labels?.[i] === undefined && !out.includes(v)) out.push(v);
    });
  }
  // One order, so the same values are the same SQL text (one cache entry).
  return out.sort((a, b) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0));
}
