/**
 * Closes DuckDB's doors to the outside, inside DuckDB itself, whatever the web server
 * sends: no file system or URL access (read_csv/read_json/read_text/glob/COPY/ATTACH of
 * a path or URL, replacement scans), no extension loading, and a locked configuration so
 * a statement cannot turn any of it back on (nor repoint `custom_extension_repository`).
 *
 * BrowserEngine runs it last, after the Arrow inserts and the setup SQL, so no setup step
 * ever meets a closed door. Checked in Chromium with DuckDB-WASM 1.32: `insertArrowTable`
 * still works after the lockdown (a build that locked down before inserting loaded the data
 * and answered queries), so the order is a precaution, not a requirement. `search_path` and
 * `schema` stay settable under the lock (DuckDB allows them), so name shadowing is the
 * console's job (its guard and catalog check).
 */
export const LOCKDOWN_SQL = ['SET enable_external_access = false', 'SET lock_configuration = true'];

/** One query that proves the lockdown took effect (both false/true), for a loud failure if a future DuckDB ignores it. */
export const LOCKDOWN_CHECK_SQL =
  "SELECT current_setting('enable_external_access') AS external_access, current_setting('lock_configuration') AS locked";

export function lockdownHolds(row: Record<string, unknown> | undefined): boolean {
  return row !== undefined && String(row.external_access) === 'false' && String(row.locked) === 'true';
}

/**
 * `statements` (the setup SQL, run before the door closes), then the lockdown, then its check,
 * as one script for one `query` call (one worker round trip instead of three): its result is the
 * last statement's, the check's row, for `lockdownHolds`.
 */
export function lockedSetupScript(statements: readonly string[]): string {
  // Each ';' on a line of its own: a statement that ends in a line comment must not swallow it.
  return [...statements, ...LOCKDOWN_SQL, LOCKDOWN_CHECK_SQL].join('\n;\n');
}
