import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import type { Table } from 'apache-arrow';
import { parquetToArrow } from './parquet-to-arrow';
import { BATCH_ROWS } from './parquet-ipc-batches';
import { ParquetWasmDecoder } from './parquet-wasm-decoder';

/**
 * Above this many Parquet bytes in one dataset, decode with parquet-wasm in a worker;
 * below it with hyparquet on the main thread. The survey (≈ 85 KB) stays on hyparquet, so a
 * first visit never downloads parquet-wasm's wasm (≈ 1.2 MB brotli). See CONTEXT.md for
 * the measurement behind the figure.
 */
export const PARQUET_WASM_ABOVE_BYTES = 512 * 1024;

/** How long the view setup of a large dataset may run without progress before start-up counts as stalled. */
export const LARGE_SETUP_STALL_MS = 180_000;

export type Decoder = 'hyparquet' | 'parquet-wasm';

export const chooseDecoder = (totalBytes: number): Decoder => (totalBytes > PARQUET_WASM_ABOVE_BYTES ? 'parquet-wasm' : 'hyparquet');

export interface DecodedTable {
  name: string;
  file: string;
  /** Creates the table `name` in DuckDB from the file's rows; `onBatch` after each inserted batch (rows so far). */
  insertInto(conn: AsyncDuckDBConnection, onBatch?: (rows: number) => void): Promise<void>;
}

interface Decoding {
  tables: DecodedTable[];
  /** Ends the decoder (and frees its memory); safe to call more than once. */
  close(): void;
}

/**
 * hyparquet: `decoded` settles once every file is decoded (rejecting with the first file's
 * error); from then on each `insertInto` posts its insert to DuckDB's worker within the call,
 * so whatever the caller posts right after goes behind it. parquet-wasm streams batches.
 */
export type DecodedDataset = Decoding & ({ decoder: 'hyparquet'; decoded: Promise<void> } | { decoder: 'parquet-wasm' });

/**
 * Starts decoding at once, so decoding overlaps DuckDB-WASM's own start; `insertInto` then
 * hands each table to DuckDB. The buffers are given up: parquet-wasm takes them (transferred
 * to its worker), hyparquet drops them once decoded.
 *
 * hyparquet decodes on the main thread, one file per task with a yield before each
 * (`yieldToInput`): the nine files decoded back to back were one long task just when the first
 * chart is drawn on a slow line, and a click made then waited for all of it.
 */
export function decodeDataset(tables: readonly { name: string; file: string }[], buffers: ArrayBuffer[]): DecodedDataset {
  const decoder = chooseDecoder(buffers.reduce((n, b) => n + b.byteLength, 0));
  if (decoder === 'hyparquet') {
    let previous: Promise<unknown> = Promise.resolve();
    const done: Promise<unknown>[] = [];
    const decoded = tables.map((t, i) => {
      let arrow: Table | null = null;
      const table = previous.then(yieldToInput).then(() => parquetToArrow(buffers[i]!, t.file)).then((a) => (arrow = a));
      previous = table.catch(() => {}); // reported when inserted
      done.push(table);
      const insert = (conn: AsyncDuckDBConnection, a: Table) => conn.insertArrowTable(a, { name: t.name, create: true });
      // Decoded already: the insert is posted before this returns (no await in between).
      return { ...t, insertInto: async (conn: AsyncDuckDBConnection) => void (await (arrow ? insert(conn, arrow) : table.then((a) => insert(conn, a)))) };
    });
    const all = Promise.all(done).then(() => {});
    all.catch(() => {}); // reported when inserted or awaited
    return { decoder, decoded: all, tables: decoded, close: () => {} };
  }
  const worker = new ParquetWasmDecoder();
  const decoded = tables.map((t, i) => {
    const batches = worker.open(buffers[i]!, t.file);
    return {
      ...t,
      insertInto: async (conn: AsyncDuckDBConnection, onBatch?: (rows: number) => void) => {
        let create = true;
        let batch = 0;
        for await (const ipc of batches) {
          // The IPC buffer is transferred to DuckDB's worker: no copy stays here.
          await conn.insertArrowFromIPCStream(ipc, { name: t.name, create });
          create = false;
          onBatch?.(++batch * BATCH_ROWS);
        }
      }
    };
  });
  return { decoder, tables: decoded, close: () => worker.terminate() };
}

/** Lets pending input and rendering run before the next piece of work (`scheduler.yield` where the browser has it). */
export function yieldToInput(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}
