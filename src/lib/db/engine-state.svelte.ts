import { QueryCache } from './query-cache';
import type { BrowserEngine } from './browser-engine';
import { DOWNLOAD_STALL_MS, START_STALL_MS, stallGuard, WatchedEngine } from './engine-watchdog';
import { withLocalFiles, type LocalData } from './local-data';
import type { DatasetSpec, LoadProgress, QueryEngine } from './types';

/**
 * The app's one DuckDB-WASM instance as reactive state: progress while it loads, the
 * engine when ready, a message if it fails — at start (a corrupt data file, a wasm that
 * breaks off) or later (the worker dies). Started once and kept across page navigations;
 * `retry()` starts a fresh instance in place: the page, its URL filters and its
 * prerendered figures stay, and every visual queries again once the new engine is ready.
 *
 * `useData(local)` switches every page to the user's own files (and `reset()` back): a
 * fresh instance is started with the local bytes, so the lockdown, the views and a NEW
 * query cache come exactly as at any start (the cache is keyed by SQL text, which does
 * not change with the data). `dataGeneration` tells other instances (the console) to follow.
 */
class EngineState {
  progress = $state<LoadProgress>({ stage: 'engine', fraction: 0, detail: '' });
  error = $state<string | null>(null);
  /** Cached by SQL text; what visuals query. */
  engine = $state<QueryEngine | null>(null);
  /** The uncached engine, for the console and downloads. */
  raw = $state<BrowserEngine | null>(null);
  readyAt = $state<number | null>(null);
  /** The user's data, while the dashboard shows it; null: the published data. */
  local = $state.raw<LocalData | null>(null);
  /** The address says `data=local` but that data is not (yet) here: published figures must not show meanwhile. */
  expectLocal = $state(false);
  /** Bumped by every switch of data. */
  dataGeneration = $state(0);
  private starting: Promise<void> | null = null;
  private waiting: Promise<void> | null = null;
  private release: ((started: Promise<void>) => void) | null = null;
  private source: { dataset: DatasetSpec; dataUrl: URL; warm?: string } | null = null;
  /** Bumped by every (re)start, so a late failure report from an old instance is ignored. */
  private generation = 0;

  /** `warm`: the build's version, for the early start of a returning visit (BrowserEngine.start). */
  start(dataset: DatasetSpec, dataUrl: URL, warm?: string): Promise<void> {
    this.source ??= { dataset, dataUrl, warm };
    // `data=local` and the answer (a kept copy, or none) not known yet: start nothing, fetch nothing, until useData().
    if (this.expectLocal && !this.starting) return (this.waiting ??= new Promise((resolve) => (this.release = resolve)));
    this.starting ??= this.boot();
    return this.starting;
  }

  /** Prerendered figures answer the published data only. */
  get publishedShown(): boolean {
    return this.local === null && !this.expectLocal;
  }

  /** The dataset the running instance was given (with the local bytes, if any): the console loads the same. */
  get dataset(): DatasetSpec | null {
    if (!this.source) return null;
    return this.local ? withLocalFiles(this.source.dataset, this.local.files) : this.source.dataset;
  }

  get dataUrl(): URL | null {
    return this.source?.dataUrl ?? null;
  }

  /**
   * Every page, the console and the downloads on `local` (null: back to the published data).
   * Before `start()` it only records the choice; `start()` then loads it. It also answers a
   * pending `expectLocal` (null: no local data after all), which starts what was waiting.
   */
  useData(local: LocalData | null): Promise<void> {
    this.local = local;
    this.expectLocal = false;
    this.dataGeneration++;
    if (this.starting) return this.retry();
    if (!this.source) return Promise.resolve();
    const started = this.start(this.source.dataset, this.source.dataUrl, this.source.warm);
    this.release?.(started);
    this.release = null;
    this.waiting = null;
    return started;
  }

  reset(): Promise<void> {
    return this.useData(null);
  }

  /** Ends the current instance (if any) and starts a new one with the same data. */
  retry(): Promise<void> {
    if (!this.source) return Promise.resolve();
    this.raw?.kill();
    this.raw = null;
    this.engine = null;
    this.error = null;
    this.readyAt = null;
    this.progress = { stage: 'engine', fraction: 0, detail: '' };
    this.starting = this.boot();
    return this.starting;
  }

  private async boot(): Promise<void> {
    const generation = ++this.generation;
    const dataset = this.dataset!;
    const { dataUrl, warm } = this.source!;
    const abort = new AbortController();
    const guard = stallGuard(() => stallMessage(this.progress));
    try {
      const { BrowserEngine } = await import('./browser-engine');
      const starting = BrowserEngine.start(
        dataset,
        dataUrl,
        (p) => {
          // Downloading the wasm (fraction < 0.7, see BrowserEngine) may be slow; after it, every step is quick.
          const downloading = p.stage === 'engine' && p.fraction < 0.699;
          guard.touch(p.stallMs ?? (downloading ? DOWNLOAD_STALL_MS : START_STALL_MS));
          if (p.stage !== this.progress.stage || p.detail !== this.progress.detail) performance.mark(`engine:${p.stage}:${p.detail}`);
          if (generation === this.generation) this.progress = p;
        },
        abort.signal,
        // No dashboard query, download or label reads the comments or model_catalog (the console's own instance has them): off engine-ready.
        // The early start (and its marker) only for the published data.
        { catalog: false, warm: this.local ? undefined : warm }
      );
      const raw = await Promise.race([starting, guard.stalled]).catch((e: unknown) => {
        abort.abort(); // ends the stuck worker
        throw e;
      });
      guard.stop();
      if (generation !== this.generation) return raw.kill();
      const fail = (message: string) => this.fail(generation, message);
      raw.onFailure(fail);
      this.raw = raw;
      this.engine = new QueryCache(new WatchedEngine(raw, fail));
      this.readyAt = performance.now();
      // Lets tests and the performance panel read time-to-interactive.
      performance.mark('engine-ready');
    } catch (e) {
      guard.stop();
      if (generation === this.generation) this.error = e instanceof Error ? e.message : String(e);
    }
  }

  /** The running instance stopped answering: drop it, so pages fall back to their prerendered figures and offer 再試行. */
  private fail(generation: number, message: string): void {
    if (generation !== this.generation || this.error) return;
    this.error = message;
    this.raw?.kill();
    this.raw = null;
    this.engine = null;
  }
}

export const engineState = new EngineState();

function stallMessage(p: LoadProgress): string {
  const what = p.stage === 'engine' ? 'DuckDB-WASM（分析エンジンの .wasm ファイル）' : p.stage === 'data' ? `データファイル ${p.detail}` : 'データモデルの準備';
  const seconds = (p.stallMs ?? (p.stage === 'engine' && p.fraction < 0.699 ? DOWNLOAD_STALL_MS : START_STALL_MS)) / 1000;
  return `${what}の読み込みが ${seconds} 秒以上進みません。ファイルが途中までしか届いていないか、壊れている可能性があります (start-up stalled at ${p.stage}${p.detail ? `: ${p.detail}` : ''})`;
}
