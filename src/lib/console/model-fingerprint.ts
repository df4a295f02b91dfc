import type { Row } from '../db/types';

type Meta = (sql: string) => Promise<Row[]>;

/** What the console protects: the model's objects and the function names its SQL may call. */
export interface ModelNames {
  /** The database the model lives in (DuckDB-WASM: `memory`). */
  home: string;
  /** Every table and view as `schema.name` (lower-case). */
  objects: Set<string>;
  /** Every function and macro name (built-in or the model's), lower-case. */
  functions: Set<string>;
}

// Every catalog function is called as system.main.*: a temp macro named `duckdb_tables` or
// `current_database` would otherwise answer these checks in the user's place.
const OBJECTS = `SELECT database_name AS d, schema_name AS s, table_name AS n, column_count AS c, estimated_size AS z, NULL AS sql FROM system.main.duckdb_tables()
  UNION ALL SELECT database_name, schema_name, view_name, NULL, NULL, sql FROM system.main.duckdb_views() WHERE NOT internal`;

/** Taken once at setup: they are the model the console protects. */
export async function modelNames(meta: Meta): Promise<ModelNames> {
  const [home] = await meta('SELECT system.main.current_database() AS d');
  const rows = await meta(OBJECTS);
  const fns = await meta('SELECT DISTINCT function_name AS f FROM system.main.duckdb_functions()');
  return {
    home: String(home?.d),
    objects: new Set(rows.map((r) => `${r.s}.${r.n}`.toLowerCase())),
    functions: new Set(fns.map((r) => String(r.f).toLowerCase()))
  };
}

/**
 * What would change if a statement altered the model, or made a model name mean something
 * else: each protected table's column count and size, each protected view's SQL; any other
 * table or view (temp, another schema or an attached database) that a model name would find
 * first; any non-built-in macro named like a function at setup. Scratch objects under
 * other names are left out, so making them is no change.
 */
export async function fingerprint(meta: Meta, names: ModelNames): Promise<string> {
  const objects = await meta(OBJECTS);
  const macros = await meta(`SELECT database_name AS d, schema_name AS s, function_name AS n, macro_definition AS f FROM system.main.duckdb_functions() WHERE database_name <> 'system'`);
  const entries: string[] = [];
  for (const r of objects) {
    const key = `${r.s}.${r.n}`.toLowerCase();
    const def = r.sql ?? `${r.c}:${r.z}`;
    if (r.d === names.home && names.objects.has(key)) entries.push(`${key}=${def}`);
    // A bare model name is found in temp or on the search path first; schema.name in any database.
    else if (names.objects.has(`main.${String(r.n).toLowerCase()}`) || names.objects.has(key)) entries.push(`shadow ${r.d}.${key}`);
  }
  for (const r of macros) if (names.functions.has(String(r.n).toLowerCase())) entries.push(`function ${r.d}.${r.s}.${r.n}=${r.f ?? ''}`);
  return entries.sort().join('|');
}

/** True when the difference between two fingerprints is a shadowing object rather than a changed model object. */
export function isShadowing(before: string, after: string): boolean {
  const extra = after.split('|').filter((e) => !before.split('|').includes(e));
  return extra.some((e) => e.startsWith('shadow ') || e.startsWith('function '));
}
