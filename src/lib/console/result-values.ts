import { Table, type RecordBatch, type Schema } from 'apache-arrow';
import { arrowToRows } from '../db/arrow-rows';
import type { EngineConnection } from '../db/engine-connection';
import { cappedQuery, isPlainQuery, wholeValueSql, type CappedQuery } from './capped-query';
import type { ResultSet } from './result-set';
import { valueBytes } from './text-cell';

/**
 * A query's text columns capped inside DuckDB, so a 100 MB value never crosses to the main
 * thread (capped-query.ts). Null for other statements, or if DESCRIBE cannot bind it (the
 * statement then runs as written and reports its own error).
 */
export async function capFor(conn: EngineConnection, sql: string): Promise<CappedQuery | null> {
  if (!isPlainQuery(sql)) return null;
  try {
    const cols = arrowToRows(await conn.queryArrow(`DESCRIBE ${sql}\n`));
    return cappedQuery(sql, cols.map((c) => ({ name: String(c.column_name), type: String(c.column_type) })));
  } catch {
    return null;
  }
}

/** The whole value of a shown cell: from the result if DuckDB sent it whole, else by running `sql` again for that one cell. */
export async function wholeValue(conn: EngineConnection, result: ResultSet, sql: string, row: number, col: number): Promise<Uint8Array | null> {
  if (result.holdsWholeValue(row, col)) return result.cellBytes(row, col);
  const v = (await conn.queryArrow(wholeValueSql(sql, row, col))).getChildAt(0);
  return v ? valueBytes(v, 0) : null;
}

/** The result as `sql` gives it, for export: run again uncapped if DuckDB cut any value for the screen. */
export async function exportTable(conn: EngineConnection, result: ResultSet, sql: string, maxRows: number): Promise<Table> {
  if (result.cutValues === 0) return result.visibleTable();
  let schema: Schema | null = null;
  const batches: RecordBatch[] = [];
  let rows = 0;
  const q = conn.stream(sql, {
    onSchema: (s) => (schema = s),
    onBatch: (b) => {
      batches.push(b);
      rows += b.numRows;
      return rows < maxRows;
    }
  });
  await q.done;
  if (!schema) throw new Error('結果がありません');
  return new Table(schema, batches);
}
