import { EARLY_ENGINE } from './early-engine.js';
import type { WasmOutcome } from './duckdb-worker';

/**
 * The hand-over between the pages' early script (`early-engine.js`, run before SvelteKit on a
 * returning visit) and `BrowserEngine.start`, and the marker that tells the script to run.
 */

/** What the early script started, as it leaves it on the page's global scope. */
export interface EarlyEngine {
  key: string;
  /** DuckDB's worker script and wasm (absolute URLs), as the marker named them. */
  worker: string;
  wasm: string;
  /** The Parquet fetches already under way, by absolute URL. */
  files: Record<string, Promise<Response>>;
  /** The worker, started from the same bootstrap and already sent DuckDB's INSTANTIATE, OPEN and CONNECT. */
  w: Worker;
  /** The bootstrap's report on the wasm's compile (duckdb-worker.ts). */
  wasmOutcome: Promise<WasmOutcome>;
  /** DuckDB's answer to that INSTANTIATE (rejects on its error or the worker's). */
  instantiated: Promise<void>;
  /** DuckDB's answers to the OPEN (`EARLY_ENGINE.database`) and CONNECT sent right after it: the connection's id. */
  opened: Promise<void>;
  connected: Promise<number>;
}

/** What the marker records: this build's engine, as it started in this browser. */
export interface WarmMarker {
  key: string;
  worker: string;
  wasm: string;
  files: string[];
}

type Scope = Record<string, unknown>;

/**
 * Takes (once) what the early script started. It is adopted only if it is this build's and
 * started the worker and wasm this start would choose; otherwise its worker is ended and null
 * comes back (the normal start runs). Its Parquet fetches stay usable either way (`files`).
 */
export function takeEarlyEngine(key: string, choose: { worker: string; wasm: string }, scope: Scope = globalThis as unknown as Scope): { engine: EarlyEngine | null; files: Record<string, Promise<Response>> } {
  const early = scope[EARLY_ENGINE.global] as EarlyEngine | undefined;
  delete scope[EARLY_ENGINE.global];
  if (!early) return { engine: null, files: {} };
  if (early.key !== key) {
    early.w.terminate();
    return { engine: null, files: {} };
  }
  if (early.worker !== choose.worker || early.wasm !== choose.wasm) {
    early.w.terminate();
    return { engine: null, files: early.files };
  }
  return { engine: early, files: early.files };
}

/** At engine-ready: the next visit of this build may start early. Storage off or full: no marker, no harm. */
export function rememberWarmEngine(marker: WarmMarker, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(EARLY_ENGINE.marker, JSON.stringify(marker));
  } catch {
    // no early start next time
  }
}

/** A start that failed: the next visit starts the normal way. */
export function forgetWarmEngine(storage: Pick<Storage, 'removeItem'> | undefined = globalThis.localStorage): void {
  try {
    storage?.removeItem(EARLY_ENGINE.marker);
  } catch {
    // nothing to forget
  }
}
