import { ident } from '../sql/quote';
import { tokens } from './sql-lexer';

/** A text value longer than this (in bytes) is cut inside DuckDB before it leaves the worker… */
export const CAP_BYTES = 4096;
/** …to its first this-many characters: more than a grid cell or its tooltip shows. */
export const CAP_CHARS = 1024;
/** Name prefix of the hidden column that carries a capped column's full size in bytes. */
export const LENGTH_PREFIX = '__full_bytes_';

export interface DescribedColumn {
  name: string;
  type: string;
}

/** A query rewritten so no text value larger than CAP_BYTES crosses to the main thread. */
export interface CappedQuery {
  sql: string;
  /** How many leading columns are the user's; the rest are hidden size columns. */
  visible: number;
  /** Visible column index → index of its hidden size column. */
  lengths: Map<number, number>;
}

const QUERY_START = new Set(['SELECT', 'WITH', 'FROM', 'VALUES', 'TABLE']);

/** A statement that yields rows and can be used as a subquery (DESCRIBE, EXPLAIN, PIVOT … are left alone). */
export function isPlainQuery(sql: string): boolean {
  const first = tokens(sql)[0];
  return first !== undefined && (first.value === '(' || (first.kind === 'word' && QUERY_START.has(first.value)));
}

/**
 * Wraps a query (whose columns `DESCRIBE` gave) so each VARCHAR value over CAP_BYTES is cut
 * to CAP_CHARS characters inside DuckDB, with its full size in a hidden column; smaller
 * values and every other column pass unchanged (by position, so duplicate names survive).
 * Null when there is no text column. Functions are called as system.main.* so no temp macro can stand in.
 */
export function cappedQuery(sql: string, columns: DescribedColumn[]): CappedQuery | null {
  const text = columns.flatMap((c, i) => (c.type === 'VARCHAR' ? [i] : []));
  if (text.length === 0) return null;
  const select = columns.map((c, i) => {
    const at = `#${i + 1}`;
    return c.type === 'VARCHAR'
      ? `CASE WHEN system.main.strlen(${at}) > ${CAP_BYTES} THEN system.main.substr(${at}, 1, ${CAP_CHARS}) ELSE ${at} END AS ${ident(c.name)}`
      : `${at} AS ${ident(c.name)}`;
  });
  const lengths = new Map<number, number>();
  for (const [k, i] of text.entries()) {
    lengths.set(i, columns.length + k);
    select.push(`system.main.strlen(#${i + 1}) AS ${ident(`${LENGTH_PREFIX}${i + 1}`)}`);
  }
  return { sql: `SELECT ${select.join(', ')} FROM (\n${sql}\n) AS __capped`, visible: columns.length, lengths };
}

/** The query that fetches one whole value again (row and column as the grid counts them, from 0). */
export function wholeValueSql(sql: string, row: number, col: number): string {
  return `SELECT #${col + 1} AS v FROM (\n${sql}\n) AS __value LIMIT 1 OFFSET ${row}`;
}
