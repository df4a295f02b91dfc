/**
 * The one place that turns values into SQL text. Everything else uses bound
 * parameters or appenders; only statements that cannot take parameters (COPY
 * paths, identifiers in DDL) go through these helpers.
 */
export function quoteLiteral(value: string): string {
  if (value.includes('\0')) throw new Error('NUL byte in SQL literal');
  return `'${value.replace(/'/g, "''")}'`;
}

export function quoteIdentifier(name: string): string {
  if (name.includes('\0')) throw new Error('NUL byte in SQL identifier');
  return `"${name.replace(/"/g, '""')}"`;
}
