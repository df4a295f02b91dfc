import { startBootstrappedWorker, WASM_OFFLINE_COPY } from './worker-bootstrap.js';

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
 * small classic script (a blob: URL, allowed by `worker-src 'self' blob:`) that removes
 * `TransformStream` from the worker's global scope and then loads the self-hosted worker
 * file, unchanged (a same-origin `import()`, allowed by `script-src 'self'`). Nothing else in that worker uses `TransformStream`. The price: no byte
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
export function markStages(times: NonNullable<WasmOutcome['times']>): void {
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
 * protocol on the worker port is left alone. The bootstrap itself is `worker-bootstrap.js`
 * (one declaration, also inlined into the pages' early script, `early-engine.js`).
 */
export function startDuckdbWorker(workerUrl: string, onWasm?: (outcome: WasmOutcome) => void): Worker {
  return startBootstrappedWorker(
    workerUrl,
    onWasm &&
      ((o: WasmOutcome) => {
        if (o.times) markStages(o.times);
        onWasm(o);
      }),
    undefined,
    WASM_OFFLINE_COPY
  );
}
