import { tableToIPC, type Table } from 'apache-arrow';
import wasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';

/**
 * Arrow → Parquet in the browser with parquet-wasm (DuckDB-WASM's own COPY … TO needs the
 * parquet extension, which is not reachable offline). Loaded on the first download only:
 * its 5 MB wasm never slows the dashboard. Keeps every Arrow type exactly (BIGINT, DATE,
 * DECIMAL, TIMESTAMP, nested), ZSTD-compressed, with key-value metadata in the footer.
 */
export async function toParquet(table: Table, metadata: Record<string, string>): Promise<Uint8Array> {
  const pq = await import('parquet-wasm/esm');
  await pq.default({ module_or_path: new URL(wasmUrl, location.href) });
  const wasmTable = pq.Table.fromIPCStream(tableToIPC(table, 'stream'));
  const props = new pq.WriterPropertiesBuilder()
    .setCompression(pq.Compression.ZSTD)
    .setCreatedBy('parquet-wasm 0.8.0')
    .setKeyValueMetadata(new Map(Object.entries(metadata)))
    .build();
  return pq.writeParquet(wasmTable, props);
}
