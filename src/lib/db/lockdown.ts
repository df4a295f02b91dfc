/**
 * Closes DuckDB's doors to the outside, inside DuckDB itself, whatever the web server
 * sends: no file system or URL access (read_csv/read_json/read_text/glob/COPY/ATTACH of
 * a path or URL, replacement scans), no extension loading, and a locked configuration so
 * a statement cannot turn any of it back on (nor repoint `custom_extension_repository`).
 *
 * Order matters: run it after the Arrow tables are inserted and the setup SQL has run.
 * Measured in DuckDB-WASM 1.32: once external access is off, `insertArrowTable` reports
 * success but creates no table. `search_path` and `schema` stay settable under the lock
 * (DuckDB allows them), so name shadowing is the console's job (its guard and catalog check).
 */
export const LOCKDOWN_SQL = ['SET enable_external_access = false', 'SET lock_configuration = true'];

/** One query that proves the lockdown took effect (both false/true), for a loud failure if a future DuckDB ignores it. */
export const LOCKDOWN_CHECK_SQL =
  "SELECT current_setting('enable_external_access') AS external_access, current_setting('lock_configuration') AS locked";

export function lockdownHolds(row: Record<string, unknown> | undefined): boolean {
  return row !== undefined && String(row.external_access) === 'false' && String(row.locked) === 'true';
}
