import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import type { Table } from 'apache-arrow';
import { StreamingQuery, type StreamHandlers } from './streaming-query';

/**
 * A further connection to a running DuckDB-WASM instance. Each connection has its own
 * pending query, so the console can stream (and cancel) a statement on one while it reads
 * the catalog for autocomplete on another.
 */
export class EngineConnection {
  constructor(private readonly conn: AsyncDuckDBConnection) {}

  queryArrow(sql: string): Promise<Table> {
    return this.conn.query(sql);
  }

  /** Starts one statement; read its batches through `handlers`, stop it with `cancel()`. */
  stream(sql: string, handlers: StreamHandlers): StreamingQuery {
    return new StreamingQuery(this.conn, sql, handlers);
  }

  async close(): Promise<void> {
    await this.conn.close().catch(() => {});
  }
}
