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
export interface WasmOutcome {
  ok: boolean;
  /** The browser's own message when compiling failed (e.g. a file cut off half-way). */
  error?: string;
  /**
   * When it worked, wall-clock times (ms since the epoch) in the worker: bootstrap started,
   * DuckDB's worker script evaluated, wasm asked for, wasm compiled and instantiated.
   */
  times?: { booted: number; loaded: number; requested: number; instantiated: number };
}

/**
 * Performance marks for the worker's stages, on the page's clock, so that a trace or the
 * benchmark can tell fetching and compiling the wasm apart from the rest of the engine's
 * start (a compiled-code cache hit shows as a short `engine:wasm-requested` →
 * `engine:wasm-instantiated`).
 */
function markStages(times: NonNullable<WasmOutcome['times']>): void {
  const at = (t: number) => Math.max(0, t - performance.timeOrigin);
  performance.mark('engine:worker-started', { startTime: at(times.booted) });
  performance.mark('engine:worker-script-loaded', { startTime: at(times.loaded) });
  performance.mark('engine:wasm-requested', { startTime: at(times.requested) });
  performance.mark('engine:wasm-instantiated', { startTime: at(times.instantiated) });
}

/**
 * Without `TransformStream` the worker reports no download progress, and DuckDB-WASM 1.32
 * never answers when its wasm fails to compile (it just hangs). So the bootstrap also wraps
 * `WebAssembly.instantiateStreaming` (passing the real response through untouched) and
 * reports its outcome on a BroadcastChannel of this worker's own — DuckDB's message
 * protocol on the worker port is left alone.
 */
export function startDuckdbWorker(workerUrl: string, onWasm?: (outcome: WasmOutcome) => void): Worker {
  const channelName = `duckdb-wasm-${Math.random().toString(36).slice(2)}`;
  const source = [
    // Wall-clock times (the worker's clock starts later than the page's): the page turns them into marks.
    'const now = () => performance.timeOrigin + performance.now();',
    'const booted = now();',
    'delete self.TransformStream;',
    `const channel = new BroadcastChannel(${JSON.stringify(channelName)});`,
    'const instantiate = WebAssembly.instantiateStreaming;',
    'let requested = 0;',
    'if (instantiate) WebAssembly.instantiateStreaming = (source, imports) => (requested = now(), instantiate.call(WebAssembly, source, imports)).then(',
    '  (r) => { channel.postMessage({ ok: true, times: { booted, loaded, requested, instantiated: now() } }); return r; },',
    '  (e) => { channel.postMessage({ ok: false, error: String(e && e.message || e) }); throw e; });',
    `importScripts(${JSON.stringify(new URL(workerUrl, location.href).href)});`,
    'const loaded = now();',
    ''
  ].join('\n');
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  const channel = onWasm ? new BroadcastChannel(channelName) : null;
  channel?.addEventListener('message', (e: MessageEvent<WasmOutcome>) => {
    if (e.data.times) markStages(e.data.times);
    onWasm?.(e.data);
    channel.close();
  });
  const worker = new Worker(url);
  // The worker has fetched its script once it speaks; the blob is not needed after that.
  worker.addEventListener('message', () => URL.revokeObjectURL(url), { once: true });
  return worker;
}
