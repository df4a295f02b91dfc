import * as duckdb from '@duckdb/duckdb-wasm';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import type { Table } from 'apache-arrow';
import { literal } from '../sql/quote';
import { arrowToRows } from './arrow-rows';
import { markStages, startDuckdbWorker, type WasmOutcome } from './duckdb-worker';
import { wasmOfflineCopy } from './worker-bootstrap.js';
import { EARLY_ENGINE } from './early-engine.js';
import { forgetWarmEngine, rememberWarmEngine, takeEarlyEngine } from './early-handover';
import { EngineConnection } from './engine-connection';
import { lockdownHolds, lockedSetupScript } from './lockdown';
import { ATTACH_COMPRESSED_SQL, USE_COMPRESSED_SQL } from './compressed-catalog';
import { decodeDataset, LARGE_SETUP_STALL_MS } from './parquet-loader';
import { afterPageLoad } from './after-page-load';
import type { DatasetSpec, LoadProgress, QueryEngine, Row } from './types';

/**
 * DuckDB-WASM in a Web Worker: the only module that touches duckdb-wasm. Its wasm and
 * worker are self-hosted (Vite `?url`), never a CDN. Import it with `await import()` in
 * the browser only: evaluating it during prerender resolves to duckdb's Node build.
 */
export class BrowserEngine implements QueryEngine {
  private constructor(
    private readonly db: duckdb.AsyncDuckDB,
    private readonly conn: duckdb.AsyncDuckDBConnection,
    private readonly worker: Worker,
    /** Statements every further connection runs first (`USE` of the compressed catalog, large datasets). */
    private readonly connectionSetup: string[] = []
  ) {}

  /**
   * `dataUrl` is the folder the Parquet files are served from; `origin` receives extension lookups.
   * `catalog: false` leaves the dataset's `catalogSql` (comments, model_catalog) out: the
   * dashboard's instance never reads it; the console's instance starts with it.
   * `warm` (the build's version; the dashboard's instance only): adopt what the pages' early
   * script started on a returning visit (early-engine.js), and at ready leave the marker that
   * lets the next visit's script start early; a failed start removes it.
   */
  static async start(
    dataset: DatasetSpec,
    dataUrl: URL,
    onProgress: (p: LoadProgress) => void,
    signal?: AbortSignal,
    options: { catalog?: boolean; warm?: string } = {}
  ): Promise<BrowserEngine> {
    try {
      return await BrowserEngine.startOnce(dataset, dataUrl, onProgress, signal, options);
    } catch (e) {
      if (options.warm) forgetWarmEngine();
      throw e;
    }
  }

  private static async startOnce(
    dataset: DatasetSpec,
    dataUrl: URL,
    onProgress: (p: LoadProgress) => void,
    signal: AbortSignal | undefined,
    { catalog = true, warm }: { catalog?: boolean; warm?: string }
  ): Promise<BrowserEngine> {
    onProgress({ stage: 'engine', fraction: 0, detail: 'DuckDB-WASM' });
    const bundle = await duckdb.selectBundle({
      mvp: { mainModule: new URL(mvpWasm, location.href).href, mainWorker: new URL(mvpWorker, location.href).href },
      eh: { mainModule: new URL(ehWasm, location.href).href, mainWorker: new URL(ehWorker, location.href).href }
    });
    // A returning visit: the worker (INSTANTIATE already sent) and the Parquet fetches the early script started, if any.
    const early = warm ? takeEarlyEngine(warm, { worker: bundle.mainWorker!, wasm: bundle.mainModule }) : { engine: null, files: {} };
    // The page's own bytes (chart code, one-click figures, fonts) first: on a slow line the wasm would hold the link (after-page-load.ts).
    // Not when the early script has asked for the wasm already.
    if (!early.engine) await afterPageLoad(PAGE_LOAD_WAIT_MS);
    // Not `new Worker(url)`: see duckdb-worker.ts (lets Chromium reuse the compiled wasm on a second visit).
    let wasmOutcome: (o: WasmOutcome) => void = () => {};
    const wasmFailed = new Promise<never>((_, reject) => {
      wasmOutcome = (o) => {
        if (o.ok) onProgress({ stage: 'engine', fraction: 0.7, detail: 'DuckDB-WASM' });
        else reject(new Error(`DuckDB-WASM（分析エンジンの .wasm ファイル）を読み込めません。ファイルが壊れているか途中までしか届いていません (the engine's wasm failed to compile: ${o.error ?? 'unknown'})`));
      };
    });
    const worker = early.engine?.w ?? startDuckdbWorker(bundle.mainWorker!, (o) => wasmOutcome(o));
    void early.engine?.wasmOutcome.then((o) => {
      if (o.times) markStages(o.times);
      wasmOutcome(o);
    });
    signal?.addEventListener('abort', () => worker.terminate()); // a caller that gave up on a stuck start
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
    // Fetch the files while the wasm compiles: the wasm dominates cold start.
    // Local tables (the user's own data) never touch the network; a copy, so the caller's bytes stay intact.
    const urls = dataset.tables.map((t) => (t.bytes ? null : new URL(t.file, dataUrl).href));
    const files = Promise.all(dataset.tables.map((t, i) => (t.bytes ? Promise.resolve(t.bytes.slice().buffer) : fetchBytes(urls[i]!, early.files[urls[i]!]))));
    // ...and decode them as they arrive (parquet-wasm in its own worker for large datasets, parquet-loader.ts).
    const decoding = files.then((buffers) => decodeDataset(dataset.tables, buffers));
    decoding.catch(() => {}); // a failed fetch is reported where the tables are inserted
    const stopDecoding = () => void decoding.then((d) => d.close(), () => {});
    signal?.addEventListener('abort', stopDecoding);
    // If the wasm cannot be fetched, duckdb-wasm's worker never answers: check it ourselves
    // (a HEAD request, so the file is not downloaded twice) and fail loudly instead of hanging.
    // Asked at the offline copy's address: the worker's last resort (worker-bootstrap.js), and the
    // wasm's own address is never answered by the service worker (that would cost its compiled code).
    const reachable = fetch(wasmOfflineCopy(bundle.mainModule), { method: 'HEAD' }).then(
      (res) => {
        if (!res.ok) throw new Error(`DuckDB-WASM (${new URL(bundle.mainModule).pathname}): HTTP ${res.status}`);
        return new Promise<never>(() => {});
      },
      (e: unknown) => {
        throw new Error(`DuckDB-WASM を取得できません (cannot fetch the engine): ${e instanceof Error ? e.message : String(e)}`);
      }
    );
    const workerFailed = new Promise<never>((_, reject) =>
      worker.addEventListener('error', (e) => reject(new Error(`DuckDB-WASM worker: ${e.message || 'failed to start'}`)))
    );
    // Adopted: the early script sent DuckDB's INSTANTIATE, OPEN and CONNECT; their answers are ours.
    const instantiated =
      early.engine?.instantiated ??
      db.instantiate(bundle.mainModule, bundle.pthreadWorker, (p) => {
        if (p.bytesTotal > 0) onProgress({ stage: 'engine', fraction: (0.7 * p.bytesLoaded) / p.bytesTotal, detail: 'DuckDB-WASM' });
      });
    // OPEN and CONNECT go out at once: the worker's bootstrap holds them until the instantiation has settled
    // (worker-bootstrap.js), so the worker opens the database as soon as it can, not after a main-thread turn.
    const opened = early.engine?.opened ?? db.open({ ...EARLY_ENGINE.database }); // a copy: AsyncDuckDB keeps the config it is given
    const connected = early.engine ? early.engine.connected.then((id) => new duckdb.AsyncDuckDBConnection(db, id)) : db.connect();
    opened.catch(() => {}); // reported below, after the instantiation's own error if it failed
    connected.catch(() => {});
    let conn: AsyncDuckDBConnection;
    try {
      await Promise.race([instantiated, reachable, workerFailed, wasmFailed]);
      conn = await Promise.race([opened.then(() => connected), workerFailed]);
    } catch (e) {
      worker.terminate();
      stopDecoding();
      throw e;
    }
    // Any extension autoload stays on our own origin (LGWAN users cannot reach extensions.duckdb.org); both SETs in one round trip,
    // posted before the inserts (the worker runs them in order) and awaited once the files are decoded.
    const configured = conn.query(`SET custom_extension_repository = ${literal(new URL('duckdb-extensions', dataUrl).href)};\nSET autoinstall_known_extensions = false`);
    configured.catch(() => {});
    const decoded = await decoding.catch((e: unknown) => {
      worker.terminate();
      throw e;
    });
    await configured;
    // Large datasets go into a compressed in-memory catalog (compressed-catalog.ts): uncompressed, 1M cases fill wasm's 4 GB.
    const connectionSetup = decoded.decoder === 'parquet-wasm' ? [USE_COMPRESSED_SQL] : [];
    if (connectionSetup.length) await conn.query(`${ATTACH_COMPRESSED_SQL}; ${USE_COMPRESSED_SQL}`);
    const engine = new BrowserEngine(db, conn, worker, connectionSetup);
    // One round-trip to the worker for all views (and, unless left out, the catalog statements: hundreds of COMMENT ONs),
    // then, last, the lockdown: no URL, file or extension access from here on, and no way to switch it back (lockdown.ts).
    // The result is the last statement's, the lockdown check's.
    const setupScript = lockedSetupScript([...dataset.setupSql, ...(catalog ? (dataset.catalogSql ?? []) : [])]);
    let setup: Promise<Table> | null = null;
    try {
      if (decoded.decoder === 'hyparquet') {
        // Small files: once all are decoded, every insert and then the setup script are posted in one go and the
        // worker runs them in order: no worker round trip per table, and no main-thread turn before the setup
        // (the page is still hydrating on a returning visit).
        await decoded.decoded;
        let done = 0;
        const progress = (file: string) => ({ stage: 'data', fraction: 0.7 + (0.25 * done) / decoded.tables.length, detail: file }) as const;
        onProgress(progress(decoded.tables[0]?.file ?? ''));
        const inserted = Promise.all(decoded.tables.map((t) => t.insertInto(conn).then(() => (done++, onProgress(progress(t.file))))));
        setup = conn.query(setupScript);
        setup.catch(() => {}); // an insert's error is the one to report
        await inserted;
      } else {
        for (const [i, t] of decoded.tables.entries()) {
          const progress = { stage: 'data', fraction: 0.7 + (0.25 * i) / decoded.tables.length, detail: t.file } as const;
          onProgress(progress);
          // Each inserted batch is progress (a million-row file takes many seconds, batch by batch).
          await t.insertInto(conn, () => onProgress(progress));
        }
      }
    } finally {
      stopDecoding(); // parquet-wasm's heap (hundreds of MB at 1M cases) is not needed any more
    }
    // One statement builds the views (materialised_cases); at 1,000,000 cases it takes ≈ 15–30 s with no progress in between.
    onProgress({ stage: 'views', fraction: 0.95, detail: 'views', ...(connectionSetup.length ? { stallMs: LARGE_SETUP_STALL_MS } : {}) });
    const check = await (setup ?? conn.query(setupScript));
    if (!lockdownHolds(arrowToRows(check)[0])) throw new Error('分析エンジンの安全設定（外部アクセスの無効化）を確認できませんでした (DuckDB: external access could not be disabled)');
    // The next visit of this build may start the engine before SvelteKit does (early-engine.js); never for the user's own files.
    if (warm && urls.every((u) => u !== null)) rememberWarmEngine({ key: warm, worker: bundle.mainWorker!, wasm: bundle.mainModule, files: urls as string[] });
    onProgress({ stage: 'ready', fraction: 1, detail: '' });
    return engine;
  }

  async queryArrow(sql: string): Promise<Table> {
    return this.conn.query(sql);
  }

  async query(sql: string): Promise<Row[]> {
    return arrowToRows(await this.conn.query(sql));
  }

  /** Another connection to this instance (the console streams and cancels on its own). */
  async connect(): Promise<EngineConnection> {
    const conn = await this.db.connect();
    for (const sql of this.connectionSetup) await conn.query(sql);
    return new EngineConnection(conn);
  }

  /**
   * Calls back if the worker fails after start (an uncaught error or an unreadable message,
   * e.g. the wasm aborting). A worker that is terminated says nothing: WatchedEngine's time limit catches that.
   */
  onFailure(report: (message: string) => void): void {
    const stopped = (what: string) => report(`分析エンジン（DuckDB-WASM のワーカー）が停止しました (${what})`);
    this.worker.addEventListener('error', (e) => stopped(e.message || 'worker error'));
    this.worker.addEventListener('messageerror', () => stopped('unreadable message from the worker'));
  }

  /**
   * Ends the worker at once, whatever it is doing: a statement that never yields keeps
   * DuckDB from reading any message, so a polite close would wait for it forever.
   */
  kill(): void {
    this.worker.terminate();
  }

  async terminate(): Promise<void> {
    await this.conn.close().catch(() => {});
    await this.db.terminate().catch(() => {});
    this.worker.terminate();
  }
}

/** Longest wait for the page's load event before the engine fetches anyway (a page whose images never finish). */
const PAGE_LOAD_WAIT_MS = 4000;

/** `early`: the same request, already made by the early script. */
async function fetchBytes(url: string, early?: Promise<Response>): Promise<ArrayBuffer> {
  const res = await (early ?? fetch(url));
  if (!res.ok) throw new Error(`${new URL(url).pathname}: HTTP ${res.status}`);
  return res.arrayBuffer();
}
