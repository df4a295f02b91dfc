/// <reference lib="webworker" />
import init, * as pq from 'parquet-wasm/esm';
import { parquetIpcBatches } from './parquet-ipc-batches';
import type { DecodeReply, DecodeRequest } from './parquet-decode-protocol';

/**
 * parquet-wasm off the main thread: each `open` takes a file's bytes (transferred), each
 * `next` answers with the following Arrow IPC stream (transferred back) or `done`. Pulled
 * one batch at a time, so decoded data waits here only as long as DuckDB is busy.
 */
let ready: Promise<unknown> | undefined;
const files = new Map<number, Promise<AsyncGenerator<Uint8Array>>>();
const post = (reply: DecodeReply, transfer: Transferable[] = []) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(reply, transfer);

self.onmessage = async ({ data: m }: MessageEvent<DecodeRequest>) => {
  try {
    if (m.type === 'open') {
      // Registered at once (a `next` may arrive while the wasm still compiles).
      ready ??= init({ module_or_path: m.wasmUrl });
      const bytes = new Uint8Array(m.bytes);
      files.set(m.id, ready.then(() => parquetIpcBatches(pq, bytes, m.batchSize)));
      return;
    }
    const batches = files.get(m.id);
    if (!batches) throw new Error(`no open file ${m.id}`);
    const r = await (await batches).next();
    if (r.done) {
      files.delete(m.id);
      post({ id: m.id, type: 'done' });
    } else post({ id: m.id, type: 'batch', ipc: r.value }, [r.value.buffer]);
  } catch (e) {
    files.delete(m.id);
    post({ id: m.id, type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
};
