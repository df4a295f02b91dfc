import type { Clause } from '../filter/clause';

/** What a visual asks for: measures by dimensions under a filter context. Plain data. */
export interface QuerySpec {
  measures: string[];
  /** `table.column` fields to group by (or to list, for a rows query). */
  dimensions?: string[];
  filters?: readonly Clause[];
  /** Leave out rows whose dimension values are NULL (e.g. a histogram's axis has no place for them). */
  nonNullDimensions?: boolean;
  orderBy?: { key: string; desc?: boolean }[];
  limit?: number;
}

/** A detail listing: the rows of one table (plus columns reachable many-to-one) under filters. */
export interface RowsSpec {
  from: string;
  columns: string[];
  filters?: readonly Clause[];
  orderBy?: { key: string; desc?: boolean }[];
  limit?: number;
  /** Rows to skip (a page of a long list: with LIMIT, never the whole table into JavaScript). */
  offset?: number;
}

export type CompileResult = { ok: true; sql: string } | { ok: false; error: string };

/** Output column name of a dimension field: its column name (`system.system_name` → `system_name`). */
export function dimensionAlias(field: string): string {
  return field.slice(field.indexOf('.') + 1);
}
