/**
 * The one place where values and names become SQL text. Every user- or data-supplied
 * value passes through `literal`, every name through `ident`; nothing else in the
 * engine concatenates raw values into SQL.
 */
export type Scalar = string | number | bigint | boolean | null;

export function ident(name: string): string {
  if (name.includes('\u0000')) throw new Error(`invalid identifier: ${JSON.stringify(name)}`);
  return `"${name.replaceAll('"', '""')}"`;
}

export function literal(value: Scalar): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'bigint') return `${value}::BIGINT`;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`non-finite number cannot be a SQL literal: ${value}`);
    return Number.isInteger(value) ? String(value) : `${value}::DOUBLE`;
  }
  if (value.includes('\u0000')) throw new Error('NUL byte in string literal');
  return `'${value.replaceAll("'", "''")}'`;
}

/** `"table"."column"` */
export function qualified(table: string, column: string): string {
  return `${ident(table)}.${ident(column)}`;
}
