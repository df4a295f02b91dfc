import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { RecordBatchReader, type RecordBatch, type Schema } from 'apache-arrow';

export interface StreamHandlers {
  /** The result's columns, as soon as DuckDB knows them. */
  onSchema(schema: Schema): void;
  /** Each Arrow batch as it arrives; return false to stop reading (e.g. a row cap). */
  onBatch(batch: RecordBatch): boolean | void;
}

export type StreamOutcome = 'done' | 'cancelled' | 'stopped';

/**
 * One statement streamed from DuckDB-WASM batch by batch. We drive DuckDB's pending-query
 * protocol ourselves (start → poll → fetch) instead of `conn.send()`, whose poll loop cannot
 * be left from outside: here every round trip checks the cancel flag, and `cancel()` also
 * asks DuckDB to interrupt. The worker runs the query in short slices between messages,
 * so the cancel request is served after at most one slice.
 */
export class StreamingQuery {
  private cancelled = false;
  private readonly db: AsyncDuckDB;
  private readonly connId: number;
  readonly done: Promise<StreamOutcome>;

  constructor(conn: AsyncDuckDBConnection, sql: string, handlers: StreamHandlers) {
    [this.db, this.connId] = conn.useUnsafe((db, id) => [db, id] as const);
    this.done = this.run(sql, handlers);
  }

  /** Resolves once DuckDB has taken the request; `done` settles when the loop has left. */
  async cancel(): Promise<void> {
    if (this.cancelled) return;
    this.cancelled = true;
    await this.db.cancelPendingQuery(this.connId).catch(() => false);
  }

  private async run(sql: string, handlers: StreamHandlers): Promise<StreamOutcome> {
    try {
      let header: Uint8Array | null = await this.db.startPendingQuery(this.connId, sql, true);
      while (header === null) {
        if (this.cancelled) return 'cancelled';
        header = await this.db.pollPendingQuery(this.connId);
      }
      const reader = await RecordBatchReader.from(this.chunks(header));
      await reader.open();
      handlers.onSchema(reader.schema);
      for await (const batch of reader) {
        if (this.cancelled) return 'cancelled';
        if (handlers.onBatch(batch) === false) {
          // Drop DuckDB's half-read result so it stops producing rows.
          await this.db.cancelPendingQuery(this.connId).catch(() => false);
          return 'stopped';
        }
      }
      return this.cancelled ? 'cancelled' : 'done';
    } catch (e) {
      // An interrupted query reports an error; the user asked for it, so it is not one.
      if (this.cancelled) return 'cancelled';
      throw e;
    }
  }

  private async *chunks(header: Uint8Array): AsyncGenerator<Uint8Array> {
    yield header;
    for (;;) {
      if (this.cancelled) return;
      const chunk: Uint8Array | null = await this.db.fetchQueryResults(this.connId);
      if (chunk === null) continue; // not ready yet: the worker yielded between slices
      if (chunk.length === 0) return;
      yield chunk;
    }
  }
}
