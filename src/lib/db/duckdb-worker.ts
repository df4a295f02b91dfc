/**
 * Starts DuckDB-WASM's worker script so that the browser can reuse the compiled wasm on
 * the next visit.
 *
 * DuckDB-WASM 1.32's worker fetches the wasm and, whenever `TransformStream` exists, pipes
 * the body through one (to report download progress) into a new `Response` before
 * `WebAssembly.instantiateStreaming`. Chromium caches compiled wasm only for a response
 * that comes straight from its HTTP cache; a synthesized one is compiled again on every
 * visit (≈ 1–2 s on a modest PC). Without `TransformStream` the same worker calls
 * `instantiateStreaming(fetch(url))` on the real response. So the worker is started from a
 * two-line classic script (a blob: URL, allowed by `worker-src 'self' blob:`) that removes
 * `TransformStream` from the worker's global scope and then loads the self-hosted worker
 * file, unchanged. Nothing else in that worker uses `TransformStream`. The price: no byte
 * progress while the wasm downloads (the worker logs a warning saying so).
 */
export function startDuckdbWorker(workerUrl: string): Worker {
  const source = `delete self.TransformStream;\nimportScripts(${JSON.stringify(new URL(workerUrl, location.href).href)});\n`;
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  const worker = new Worker(url);
  // The worker has fetched its script once it speaks; the blob is not needed after that.
  worker.addEventListener('message', () => URL.revokeObjectURL(url), { once: true });
  return worker;
}
