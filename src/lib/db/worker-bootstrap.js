/** The query parameter that asks the service worker for its copy of a wasm (see startBootstrappedWorker). */
export const WASM_OFFLINE_COPY = 'offline-copy';

/**
 * The address of the service worker's copy of a wasm (absolute `url`). The worker's source
 * below builds the same address inline (it cannot import).
 *
 * @param {string} url
 * @returns {string}
 */
export function wasmOfflineCopy(url) {
  var u = new URL(url);
  u.searchParams.set(WASM_OFFLINE_COPY, '');
  return u.href;
}

/**
 * DuckDB-WASM's worker, started from the TransformStream-free bootstrap — declared here once
 * and used twice: by `duckdb-worker.ts` (the engine's start) and, as source text, by the
 * pages' early script (`early-engine.js`, inlined by scripts/critical-hints.js), which starts
 * the same worker before SvelteKit's bootstrap on a returning visit. So this function must be
 * self-contained (globals only, no imports, nothing from this module): it is also run from
 * `Function.prototype.toString()`. Plain JS so that the build script (Node, no TS) can read it.
 *
 * Why the bootstrap (see duckdb-worker.ts for the whole story): without `TransformStream`
 * DuckDB-WASM 1.32's worker instantiates the real wasm response (Chromium can cache the
 * compiled code); it also reports the compile's outcome and stage times on a BroadcastChannel
 * of its own, since DuckDB never answers when its wasm fails to compile. The blob URL is revoked
 * once the worker first speaks (it has read its script by then).
 *
 * `compileUrl` (the early script only): compile that wasm from the worker's first moment,
 * while DuckDB's 772 KB worker script is still on its way, and give DuckDB that module
 * when it instantiates (its own fetch of the same file is cancelled unread).
 *
 * DuckDB's worker script is loaded with a dynamic `import()` (it is a strict-mode IIFE that
 * only sets `onmessage`, so it runs as a module), not `importScripts`: that one blocked the
 * worker's thread for the ≈ 0.2 s the script took to arrive on a returning visit, and the
 * streaming compile reads the wasm's bytes on that thread, so they waited too (a trace:
 * instantiated ≈ 0.2–0.3 s later). Messages that come before the script has run (the page
 * posts INSTANTIATE at once) are held and handed to DuckDB's `onmessage` in order. So are
 * messages that come while an INSTANTIATE is under way: DuckDB would refuse them ("duckdb is
 * not initialized"), so the page can post OPEN and CONNECT right behind INSTANTIATE, and the
 * worker opens the database the moment it can, without waiting for the page's main thread
 * (busy hydrating on a returning visit) to read one answer and send the next request. A
 * script that cannot be loaded is thrown in the worker, which the page hears as the worker's
 * `error` event, as before.
 *
 * The offline copy: the service worker leaves the wasm's GET to the browser (Chromium reuses
 * compiled wasm only for a response from its HTTP cache, never for one a service worker gives;
 * `offline-policy.ts`). Should that fetch fail or answer with an error (no network and the HTTP
 * cache evicted, or a proxy's error page), the worker asks once more at the same address with
 * `?<offlineCopy>`, which the service worker answers from its cache (or, with no service worker,
 * the server serves the same file).
 *
 * The compile's garbage: a streaming compile leaves ≈ 48 MB (twice the 24 MB wasm) in the
 * compiling worker's heap, unreachable once the module is built but held until a full garbage
 * collection, which DuckDB's quiet worker does not reach on its own: Chromium collected it only
 * ≈ 30 s after the load (docs/performance.md, "Thirteenth session"). So once DuckDB has its instance
 * and the worker is then quiet (no message for `QUIET_MS`: the engine's start and the page's
 * first queries are over, so the collection, ≈ 30–55 ms of the worker’s time here, holds none of them), the bootstrap
 * holds 256 MB of untouched `ArrayBuffer`s for a moment: external memory far above V8's limit
 * makes it collect the worker's whole heap while they are held (no page of them is written, so
 * nothing becomes resident; a refused allocation just ends it). Then it detaches them
 * (`transfer(0)`), which frees them at once: merely dropped, they stayed allocated (and, on
 * Windows, committed) until the worker's next collection, ≈ 30 s later. The compiled-code cache is
 * unaffected: it is written through this worker's context, which lives on.
 *
 * @param {string} workerUrl DuckDB's worker script (absolute, or relative to the page)
 * @param {((outcome: import('./duckdb-worker').WasmOutcome) => void) | undefined} onWasm
 * @param {string | undefined} compileUrl
 * @param {string} offlineCopy the query parameter of the offline copy (`WASM_OFFLINE_COPY`)
 * @returns {Worker}
 */
export function startBootstrappedWorker(workerUrl, onWasm, compileUrl, offlineCopy) {
  /** How long DuckDB's worker must have had no message before it prompts the collection of its compile's garbage. */
  var QUIET_MS = 250;
  var channelName = 'duckdb-wasm-' + Math.random().toString(36).slice(2);
  var source = [
    'const now = () => performance.timeOrigin + performance.now();',
    'const booted = now();',
    'delete self.TransformStream;',
    'const fetchFirst = self.fetch.bind(self);',
    'self.fetch = (input, init) => {',
    '  let u = null;',
    '  try { u = new URL(typeof input === "string" ? input : input.url); } catch (e) {}',
    '  if (!u || !/\\.wasm$/.test(u.pathname)) return fetchFirst(input, init);',
    '  u.searchParams.set(' + JSON.stringify(offlineCopy) + ', "");',
    '  const again = () => fetchFirst(u.href);',
    '  return fetchFirst(input, init).then((r) => (r.ok ? r : again().then((c) => (c.ok ? (r.body && r.body.cancel(), c) : r), () => r)), again);',
    '};',
    'const releaseCompileGarbage = () => { const held = []; try { for (let i = 0; i < 32; i++) held.push(new ArrayBuffer(8 << 20)); } catch (e) {} for (const b of held) if (b.transfer) b.transfer(0); };',
    'let quiet = 0;',
    'const releaseWhenQuiet = () => { clearTimeout(quiet); quiet = setTimeout(() => { self.removeEventListener("message", releaseWhenQuiet); releaseCompileGarbage(); }, ' + QUIET_MS + '); };',
    'const channel = new BroadcastChannel(' + JSON.stringify(channelName) + ');',
    'const instantiate = WebAssembly.instantiateStreaming;',
    'let requested = 0;',
    compileUrl ? 'const early = (requested = now(), WebAssembly.compileStreaming(fetch(' + JSON.stringify(new URL(compileUrl, location.href).href) + ')));' : 'const early = null;',
    'if (early) early.catch(() => {});',
    'const fromEarly = (source, imports) => (Promise.resolve(source).then((r) => r.body && r.body.cancel(), () => {}), early.then((module) => WebAssembly.instantiate(module, imports).then((instance) => ({ module, instance }))));',
    'if (instantiate) WebAssembly.instantiateStreaming = (source, imports) => (early ? fromEarly(source, imports) : (requested = now(), instantiate.call(WebAssembly, source, imports))).then(',
    '  (r) => { channel.postMessage({ ok: true, times: { booted, loaded, requested, instantiated: now() } }); self.addEventListener("message", releaseWhenQuiet); releaseWhenQuiet(); return r; },',
    '  (e) => { channel.postMessage({ ok: false, error: String(e && e.message || e) }); throw e; });',
    'let loaded = 0;',
    'let duckdbHandler = null;',
    'let instantiating = false;',
    'const queue = [];',
    'const pump = () => {',
    '  while (duckdbHandler && !instantiating && queue.length) {',
    '    const e = queue.shift();',
    '    const handled = duckdbHandler(e);',
    '    if (e.data && e.data.type === "INSTANTIATE") {',
    '      instantiating = true;',
    '      const done = () => { instantiating = false; pump(); };',
    '      Promise.resolve(handled).then(done, done);',
    '    }',
    '  }',
    '};',
    'self.addEventListener("message", (e) => { queue.push(e); pump(); });',
    'import(' + JSON.stringify(new URL(workerUrl, location.href).href) + ').then(',
    '  () => { loaded = now(); duckdbHandler = self.onmessage; self.onmessage = null; pump(); },',
    '  (e) => setTimeout(() => { throw e; }));',
    ''
  ].join('\n');
  var url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  if (onWasm) {
    var channel = new BroadcastChannel(channelName);
    channel.addEventListener('message', function (e) {
      onWasm(e.data);
      channel.close();
    });
  }
  var worker = new Worker(url);
  worker.addEventListener('message', function () { URL.revokeObjectURL(url); }, { once: true });
  return worker;
}
