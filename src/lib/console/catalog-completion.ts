import type { Completion, CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import type { SQLNamespace } from '@codemirror/lang-sql';
import type { Row } from '../db/types';
import { CATALOG_SCHEMA } from '../model/catalog-sql';
import { ident } from '../sql/quote';

/** What the editor completes and highlights, read from DuckDB's own catalog. */
export interface EditorCatalog {
  schema: SQLNamespace;
  keywords: string;
  types: string;
  functions: string;
  measures: Completion[];
  /** For the catalog panel: tables and views with their comments. */
  /** `internal`: a table the model's views read (listed in the catalog's internal_tables), hidden from the list. */
  objects: { schema: string; name: string; kind: string; comment: string; columns: number; internal: boolean }[];
}

type Meta = (sql: string) => Promise<Row[]>;

export async function loadCatalog(meta: Meta): Promise<EditorCatalog> {
  const [cols, objs, kw, types, fns] = await Promise.all([
    meta(`SELECT schema_name, table_name, column_name, data_type, comment FROM duckdb_columns() WHERE NOT internal ORDER BY schema_name, table_name, column_index`),
    meta(`SELECT schema_name, table_name AS name, 'TABLE' AS kind, coalesce(comment, '') AS comment, column_count AS columns FROM duckdb_tables() WHERE NOT internal
      UNION ALL SELECT schema_name, view_name, 'VIEW', coalesce(comment, ''), column_count FROM duckdb_views() WHERE NOT internal ORDER BY 1, 2`),
    meta(`SELECT string_agg(keyword_name, ' ') AS s FROM duckdb_keywords()`),
    meta(`SELECT string_agg(DISTINCT lower(type_name), ' ') AS s FROM duckdb_types()`),
    meta(`SELECT string_agg(DISTINCT function_name, ' ') AS s FROM duckdb_functions() WHERE function_name SIMILAR TO '[a-z_][a-z0-9_]*'`)
  ]);
  const comments = new Map(objs.map((o) => [`${o.schema_name}.${o.name}`, String(o.comment)]));
  const schema: Record<string, Record<string, SQLNamespace>> = {};
  const tables = new Map<string, Completion[]>();
  for (const c of cols) {
    const key = `${c.schema_name}.${c.table_name}`;
    if (!tables.has(key)) tables.set(key, []);
    tables.get(key)!.push({ label: String(c.column_name), type: 'property', detail: String(c.data_type), info: c.comment ? String(c.comment) : undefined });
  }
  for (const [key, columns] of tables) {
    const [s, t] = key.split('.') as [string, string];
    (schema[s] ??= {})[t] = { self: { label: t, type: 'type', detail: comments.get(key) || undefined }, children: columns };
  }
  // Tables of `main` complete without their schema, as DuckDB resolves them.
  const namespace: Record<string, SQLNamespace> = { ...(schema.main ?? {}) };
  for (const [s, ts] of Object.entries(schema)) if (s !== 'main') namespace[s] = ts;
  const measures = await meta(`SELECT name, label, sql, description FROM ${ident(CATALOG_SCHEMA)}.measures`).catch(() => [] as Row[]);
  const internal = new Set((await meta(`SELECT name FROM ${ident(CATALOG_SCHEMA)}.internal_tables`).catch(() => [] as Row[])).map((r) => String(r.name)));
  return {
    schema: namespace,
    keywords: String(kw[0]?.s ?? '').toLowerCase(),
    types: String(types[0]?.s ?? ''),
    functions: String(fns[0]?.s ?? ''),
    measures: measures.map((m) => ({
      label: String(m.name),
      type: 'function',
      detail: `メジャー: ${m.label}`,
      info: `${m.description}\n${m.sql}`,
      apply: `${m.sql} AS ${ident(String(m.name))}`,
      boost: 5
    })),
    objects: objs.map((o) => ({ schema: String(o.schema_name), name: String(o.name), kind: String(o.kind), comment: String(o.comment), columns: Number(o.columns), internal: String(o.schema_name) === 'main' && internal.has(String(o.name)) }))
  };
}

/** Model measures complete as their SQL aggregate (`count(*) AS "case_count"`). */
export function measureSource(measures: Completion[]) {
  return (ctx: CompletionContext): CompletionResult | null => {
    const word = ctx.matchBefore(/\w+/);
    if (!word && !ctx.explicit) return null;
    return { from: word?.from ?? ctx.pos, options: measures, validFor: /^\w*$/ };
  };
}
