import type * as ParquetWasm from 'parquet-wasm/esm';

/** Rows per Arrow record batch: parquet-wasm's default (1,024) makes DuckDB's insert ≈ 1.75× slower (stack-findings.md). */
export const BATCH_ROWS = 131072;

/**
 * A Parquet file as a sequence of Arrow IPC streams (schema + one record batch each), decoded
 * by parquet-wasm (Rust arrow-rs) a row group at a time. Each stream is one
 * `insertArrowFromIPCStream` for DuckDB: the whole file never exists as Arrow at once, so
 * 25 million participation rows stay within wasm's 4 GB. A file with no rows yields its
 * schema alone (DuckDB still creates the table). `pq` must be initialised.
 */
export async function* parquetIpcBatches(pq: typeof ParquetWasm, bytes: Uint8Array, batchSize = BATCH_ROWS): AsyncGenerator<Uint8Array> {
  // The reader takes byte ranges from a Blob (one copy, outside wasm memory); the caller's bytes can go.
  const file = await pq.ParquetFile.fromFile(new Blob([bytes as Uint8Array<ArrayBuffer>]));
  try {
    const reader = (await file.stream({ batchSize })).getReader();
    let any = false;
    for (;;) {
      const { done, value } = (await reader.read()) as ReadableStreamReadResult<ParquetWasm.RecordBatch>;
      if (done) break;
      any = true;
      yield value.intoIPCStream(); // consumes (frees) the batch in wasm memory
    }
    if (!any) yield file.schema().intoIPCStream();
  } finally {
    file.free();
  }
}
