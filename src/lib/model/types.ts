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

export interface SemanticModel {
  name: string;
  label: string;
  tables: TableDef[];
  relationships: RelationshipDef[];
  measures: MeasureDef[];
  slicers: SlicerDef[];
}

/** `table.column` split; model field references are always written this way. */
export function splitField(field: string): { table: string; column: string } {
  const dot = field.indexOf('.');
  if (dot <= 0 || dot === field.length - 1) throw new Error(`field must be "table.column": ${field}`);
  return { table: field.slice(0, dot), column: field.slice(dot + 1) };
}
