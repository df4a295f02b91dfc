import { startBootstrappedWorker, WASM_OFFLINE_COPY } from './worker-bootstrap.js';

/**
 * The engine's start on a returning visit, before SvelteKit's bootstrap: a classic inline
 * script in every prerendered page that starts the engine (scripts/critical-hints.js writes
 * `earlyEngineScript(version)` right after the CSP <meta>, and adds its hash to that meta).
 *
 * Only when this browser already ran this build's engine: `BrowserEngine.start` writes a
 * marker to localStorage at engine-ready (`early-handover.ts`) with the build's version, the
 * worker and wasm it used and the Parquet files it fetched. With a marker of this build the
 * script starts DuckDB's worker (the same bootstrap, `worker-bootstrap.js`), posts DuckDB's
 * own `INSTANTIATE` to it (so the wasm is asked for as soon as the worker script has run),
 * then DuckDB's `OPEN` and `CONNECT` (the bootstrap holds them until the instantiation has
 * settled, so the worker opens the database while the page is still hydrating, with no
 * main-thread turn in between), and starts the Parquet fetches; it leaves them on `self[EARLY_ENGINE.global]` for
 * `BrowserEngine.start`, which adopts them (`takeEarlyEngine`) instead of starting a second
 * worker or fetching again. Without a marker (a first visit, another build, no storage) it
 * does nothing, so a first visit still asks for the wasm and Parquet only after the load
 * event (after-page-load.ts). A stale marker (the cache evicted) costs earlier requests, not
 * correctness: the fetches are ordinary ones, checked and decoded as on any start.
 * `data=local` in the address: nothing (published data must not be fetched); /own-data has
 * no such script.
 */
export const EARLY_ENGINE = {
  /** localStorage key of the marker. */
  marker: 'kyodo-dashboard:engine-warm',
  /** Where the script leaves what it started. */
  global: '__kyodoEarlyEngine',
  /** DuckDB messageIds of the early INSTANTIATE, OPEN and CONNECT (DuckDB's own count from 0: never negative). */
  id: -1,
  openId: -2,
  connectId: -3,
  /** The database DuckDB opens (OPEN's config), early or not: `BrowserEngine.start` opens the same. */
  database: { path: ':memory:' },
  /** Compile the wasm in the worker's first moment (worker-bootstrap.js `compileUrl`). */
  compile: true,
  /** The worker's second try for its wasm, at the service worker's copy (worker-bootstrap.js). */
  offlineCopy: WASM_OFFLINE_COPY
};

/**
 * The inline script's program. Self-contained (run from its source text): `g` is the page's
 * global scope, `c` is `EARLY_ENGINE` plus `key` (this build's version), `start` is
 * `startBootstrappedWorker`. Never throws: anything unexpected leaves the normal start alone.
 *
 * @param {any} g
 * @param {{ key: string, marker: string, global: string, id: number, openId: number, connectId: number, database: object, compile?: boolean, offlineCopy: string }} c
 * @param {typeof startBootstrappedWorker} start
 */
export function earlyEngine(g, c, start) {
  try {
    var m = JSON.parse(g.localStorage.getItem(c.marker) || 'null');
    if (!m || m.key !== c.key || typeof m.worker !== 'string' || typeof m.wasm !== 'string' || !Array.isArray(m.files)) return;
    if (new URLSearchParams(g.location.search).get('data') === 'local') return;
    g.performance.mark('engine:early-start');
    /** @type {(o: import('./duckdb-worker').WasmOutcome) => void} */
    var outcome = function () {};
    var wasmOutcome = new Promise(function (resolve) { outcome = resolve; });
    var worker = start(m.worker, function (o) { outcome(o); }, c.compile ? m.wasm : undefined, c.offlineCopy);
    /** @type {Record<number, { type: string, resolve: (v: any) => void, reject: (e: Error) => void }>} */
    var asked = {};
    /** @param {number} id @param {string} type @param {string} answer @param {unknown} data */
    var ask = function (id, type, answer, data) {
      var p = new Promise(function (resolve, reject) { asked[id] = { type: answer, resolve: resolve, reject: reject }; });
      p.catch(function () {});
      worker.postMessage({ messageId: id, type: type, data: data });
      return p;
    };
    worker.addEventListener('message', function (e) {
      var d = e.data;
      var a = d && asked[d.requestId];
      if (!a || (d.type !== a.type && d.type !== 'ERROR')) return;
      e.stopImmediatePropagation();
      if (d.type === 'ERROR') a.reject(new Error((d.data && d.data.message) || 'DuckDB-WASM: ' + a.type + ' failed'));
      else a.resolve(d.type === 'OK' ? undefined : d.data);
    });
    worker.addEventListener('error', function (e) {
      var err = new Error('DuckDB-WASM worker: ' + (e.message || 'failed to start'));
      Object.keys(asked).forEach(function (id) { var a = asked[Number(id)]; if (a) a.reject(err); });
    });
    var instantiated = ask(c.id, 'INSTANTIATE', 'OK', [m.wasm, null]);
    var opened = ask(c.openId, 'OPEN', 'OK', c.database);
    var connected = ask(c.connectId, 'CONNECT', 'CONNECTION_INFO', null);
    /** @type {Record<string, Promise<Response>>} */
    var files = {};
    m.files.forEach(function (/** @type {unknown} */ f) {
      if (typeof f !== 'string') return;
      var r = g.fetch(f);
      r.catch(function () {});
      files[f] = r;
    });
    g[c.global] = { key: c.key, worker: m.worker, wasm: m.wasm, files: files, w: worker, wasmOutcome: wasmOutcome, instantiated: instantiated, opened: opened, connected: connected };
  } catch (e) {
    return;
  }
}

/**
 * The inline script for a build whose version is `key`: the two functions' own source, one
 * line-indent stripped (neither has a template literal or a comment inside).
 *
 * @param {string} key
 * @returns {string}
 */
export function earlyEngineScript(key) {
  var config = Object.assign({}, EARLY_ENGINE, { key: key });
  var code = '(' + earlyEngine + ')(self,' + JSON.stringify(config) + ',' + startBootstrappedWorker + ');';
  return code.replace(/\/\*\*[^\n]*?\*\/ ?/g, '').replace(/\n\s*/g, '\n');
}
