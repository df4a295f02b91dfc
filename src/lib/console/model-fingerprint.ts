import type { Row } from '../db/types';

type Meta = (sql: string) => Promise<Row[]>;

/** Every table and view as `schema.name` (lower-case): taken once at setup, they are the model the console protects. */
export async function objectNames(meta: Meta): Promise<Set<string>> {
  const rows = await meta(`SELECT schema_name || '.' || table_name AS n FROM duckdb_tables() WHERE NOT internal
    UNION ALL SELECT schema_name || '.' || view_name FROM duckdb_views() WHERE NOT internal`);
  return new Set(rows.map((r) => String(r.n).toLowerCase()));
}

/**
 * What would change if a statement altered the model: each protected table's column count
 * and size, each protected view's SQL. Scratch objects are left out, so making them is no change.
 */
export async function fingerprint(meta: Meta, names: ReadonlySet<string>): Promise<string> {
  const rows = await meta(`SELECT schema_name || '.' || table_name AS n, column_count || ':' || estimated_size AS f FROM duckdb_tables() WHERE NOT internal
    UNION ALL SELECT schema_name || '.' || view_name, sql FROM duckdb_views() WHERE NOT internal`);
  return rows
    .filter((r) => names.has(String(r.n).toLowerCase()))
    .map((r) => `${r.n}=${r.f}`)
    .sort()
    .join('|');
}
