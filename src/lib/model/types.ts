/**
 * A Power BI–style semantic model as plain data. The engine reads it; the domain
 * (tables, labels, measures) lives in /model.
 */
export type ColumnType = 'string' | 'integer' | 'bigint' | 'double' | 'date' | 'boolean';

export interface ColumnDef {
  name: string;
  label: string;
  type: ColumnType;
  description?: string;
}

export interface TableDef {
  /** Model name; also the name of the SQL view it reads. */
  name: string;
  label: string;
  description: string;
  columns: ColumnDef[];
}

/** Many-to-one: each `from` row points at one `to` row. Filters flow from `to` to `from`. */
export interface RelationshipDef {
  from: { table: string; column: string };
  to: { table: string; column: string };
  /** Like Power BI's inactive relationships: declared for documentation, never used for joins. */
  inactive?: boolean;
}

export type MeasureFormat = 'count' | 'integer' | 'percent' | 'people';

export interface MeasureDef {
  name: string;
  label: string;
  /** The fact table the aggregate is evaluated over (its rows are what is counted). */
  table: string;
  /** SQL aggregate expression; columns are written `"table"."column"`. */
  sql: string;
  format: MeasureFormat;
  unit?: string;
  description: string;
}

export type SlicerKind = 'list' | 'range' | 'search';

export interface SlicerDef {
  name: string;
  label: string;
  /** `table.column` the slicer filters. */
  field: string;
  /** `table.column` shown to the user instead of the key, if different. */
  labelField?: string;
  kind: SlicerKind;
  /** The URL parameter that carries the slicer's values (one list: model and URL agree). */
  param: string;
  /** Older parameter names that links already shared may carry. */
  aliases?: string[];
  /** Allowed range of an integer field's values. */
  bounds?: { min: number; max: number };
  /** Shape of a key too numerous to list (e.g. 6-digit codes). */
  pattern?: string;
}

/**
 * How an aggregation table answers one measure (like Power BI's "Manage aggregations"):
 * `count` — the measure is `count(*)` of its fact's rows: the sum of the pre-counted rows;
 * `distinct` — the measure is `count(DISTINCT field)` and `field` is a grouping column.
 */
export type AggregationMeasure = { measure: string; kind: 'count' } | { measure: string; kind: 'distinct'; field: string };

/**
 * A summary of a fact table, made once at load (a table, internal like the raw files): one
 * row per combination of `groupBy` values with its number of fact rows. The compiler answers
 * a measure from it when the query's measures, dimensions and filters are all covered
 * (src/lib/query/aggregation-route.ts); otherwise from the base tables.
 */
export interface AggregationDef {
  /** Name of the table made at load. */
  name: string;
  /** The fact table it summarises (a measure's `table`). */
  fact: string;
  /** `table.column` fields reachable many-to-one from `fact`; each is a column named after its column. */
  groupBy: string[];
  measures: AggregationMeasure[];
}

export interface SemanticModel {
  name: string;
  label: string;
  tables: TableDef[];
  relationships: RelationshipDef[];
  measures: MeasureDef[];
  slicers: SlicerDef[];
  /** Summary tables the compiler may answer from; the first declared that covers a query wins (declare the smallest first). */
  aggregations?: AggregationDef[];
}

/** `table.column` split; model field references are always written this way. */
export function splitField(field: string): { table: string; column: string } {
  const dot = field.indexOf('.');
  if (dot <= 0 || dot === field.length - 1) throw new Error(`field must be "table.column": ${field}`);
  return { table: field.slice(0, dot), column: field.slice(dot + 1) };
}
