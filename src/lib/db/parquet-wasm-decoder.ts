import wasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import { BATCH_ROWS } from './parquet-ipc-batches';
import type { DecodeReply, DecodeRequest } from './parquet-decode-protocol';
import { unreadableFile } from './parquet-to-arrow';

type Waiter = { resolve: (r: DecodeReply) => void; reject: (e: Error) => void };

/**
 * The page's side of parquet-decode.worker.ts: large Parquet files become Arrow IPC streams
 * (one per record batch) off the main thread. parquet-wasm's own wasm (≈ 1.2 MB brotli) is
 * fetched only when a decoder is made, i.e. only for large datasets (parquet-loader.ts).
 */
export class ParquetWasmDecoder {
  private readonly worker = new Worker(new URL('./parquet-decode.worker.ts', import.meta.url), { type: 'module' });
  private readonly waiting = new Map<number, Waiter>();
  private nextId = 0;

  constructor() {
    this.worker.onmessage = ({ data }: MessageEvent<DecodeReply>) => {
      const w = this.waiting.get(data.id);
      this.waiting.delete(data.id);
      w?.resolve(data);
    };
    this.worker.onerror = (e) => this.failAll(new Error(`Parquet decoder worker: ${e.message || 'failed to start'}`));
  }

  /**
   * Starts decoding `bytes` at once (the first batch is decoded ahead); iterate for its IPC
   * streams. `bytes` is transferred to the worker: the caller's buffer is empty afterwards.
   */
  open(bytes: ArrayBuffer, file: string): AsyncIterable<Uint8Array> {
    const id = this.nextId++;
    const open: DecodeRequest = { type: 'open', id, bytes, wasmUrl: new URL(wasmUrl, location.href).href, batchSize: BATCH_ROWS };
    this.worker.postMessage(open, [bytes]);
    const request = (): Promise<DecodeReply> => {
      const p = new Promise<DecodeReply>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
      this.worker.postMessage({ type: 'next', id } satisfies DecodeRequest);
      p.catch(() => {}); // a read-ahead nobody waits for any more (start-up failed elsewhere)
      return p;
    };
    let ahead = request();
    return {
      async *[Symbol.asyncIterator]() {
        for (;;) {
          const r = await ahead;
          if (r.type === 'done') return;
          if (r.type === 'error') throw unreadableFile(file, r.message);
          ahead = request(); // the worker decodes the next batch while DuckDB inserts this one
          yield r.ipc;
        }
      }
    };
  }

  /** Frees parquet-wasm's memory (its wasm heap only grows): call once every file is read. */
  terminate(): void {
    this.worker.terminate();
    this.failAll(new Error('Parquet decoder stopped'));
  }

  private failAll(e: Error): void {
    for (const w of this.waiting.values()) w.reject(e);
    this.waiting.clear();
  }
}
