import { QueryCache } from '../query/query-cache';
import type { BrowserEngine } from './browser-engine';
import type { DatasetSpec, LoadProgress, QueryEngine } from './types';

/**
 * The app's one DuckDB-WASM instance as reactive state: progress while it loads, the
 * engine when ready, a message if it fails. Started once and kept across page navigations.
 */
class EngineState {
  progress = $state<LoadProgress>({ stage: 'engine', fraction: 0, detail: '' });
  error = $state<string | null>(null);
  /** Cached by SQL text; what visuals query. */
  engine = $state<QueryEngine | null>(null);
  /** The uncached engine, for the console and downloads. */
  raw = $state<BrowserEngine | null>(null);
  readyAt = $state<number | null>(null);
  private starting: Promise<void> | null = null;

  start(dataset: DatasetSpec, dataUrl: URL): Promise<void> {
    this.starting ??= (async () => {
      try {
        const { BrowserEngine } = await import('./browser-engine');
        const raw = await BrowserEngine.start(dataset, dataUrl, (p) => {
          if (p.stage !== this.progress.stage || p.detail !== this.progress.detail) performance.mark(`engine:${p.stage}:${p.detail}`);
          this.progress = p;
        });
        this.raw = raw;
        this.engine = new QueryCache(raw);
        this.readyAt = performance.now();
        // Lets tests and the performance panel read time-to-interactive.
        performance.mark('engine-ready');
      } catch (e) {
        this.error = e instanceof Error ? e.message : String(e);
      }
    })();
    return this.starting;
  }
}

export const engineState = new EngineState();
