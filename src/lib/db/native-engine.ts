import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { ident, literal } from '../sql/quote';
import { plainValue } from './plain-value';
import type { DatasetSpec, QueryEngine, Row } from './types';

/**
 * Native DuckDB (node-api) over the same Parquet files and the same view SQL as the
 * browser: used at build time to prerender first figures, and by tests as the oracle.
 */
export class NativeEngine implements QueryEngine {
  private constructor(private readonly conn: DuckDBConnection) {}

  static async open(dataset: DatasetSpec, dataDir: string): Promise<NativeEngine> {
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    for (const t of dataset.tables) {
      const path = `${dataDir.replace(/\/$/, '')}/${t.file}`;
      await conn.run(`CREATE TABLE ${ident(t.name)} AS SELECT * FROM read_parquet(${literal(path)})`);
    }
    for (const stmt of [...dataset.setupSql, ...(dataset.catalogSql ?? [])]) await conn.run(stmt);
    return new NativeEngine(conn);
  }

  async query(sql: string): Promise<Row[]> {
    const reader = await this.conn.runAndReadAll(sql);
    return reader.getRowObjectsJS().map((r) => {
      const row: Row = {};
      for (const [k, v] of Object.entries(r)) row[k] = plainValue(v);
      return row;
    });
  }
}
