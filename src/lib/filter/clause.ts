import type { Scalar } from '../sql/quote';

/**
 * A filter clause is plain data (Mosaic's contract): who set it, which model field it
 * constrains, and how. Clauses serialise to URLs and compile to SQL; they hold no behaviour.
 */
export type Predicate =
  | { kind: 'in'; values: Scalar[] }
  | { kind: 'range'; min: number | null; max: number | null };

export interface Clause {
  /** The visual or slicer that owns the clause; a visual ignores its own clause. */
  source: string;
  /** `table.column` of the semantic model. */
  field: string;
  predicate: Predicate;
  /** Human-readable values for the filters bar, same order as `values`. */
  labels?: string[];
  /** A page's default (e.g. the system shown when none is chosen): applies, never written to the URL. */
  isDefault?: boolean;
}

export function isEmptyClause(c: Clause): boolean {
  return c.predicate.kind === 'in'
    ? c.predicate.values.length === 0
    : c.predicate.min === null && c.predicate.max === null;
}
