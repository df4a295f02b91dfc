/**
 * The worker bootstrap (duckdb-worker.ts) run in a Node vm context standing in for the worker's
 * global scope: a stand-in for DuckDB-WASM 1.32's worker script (without TransformStream it
 * calls `instantiateStreaming(fetch(new Request(url)), imports)` when asked to INSTANTIATE)
 * arrives through the bootstrap's `import()`, and Node's real WebAssembly compiles a tiny module.
 */
import { createContext, runInContext } from 'node:vm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startDuckdbWorker, type WasmOutcome } from './duckdb-worker';
import { startBootstrappedWorker, WASM_OFFLINE_COPY } from './worker-bootstrap.js';

// (module (func (export "answer") (result i32) i32.const 42))
const WASM = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 127, 3, 2, 1, 0, 7, 10, 1, 6, 97, 110, 115, 119, 101, 114, 0, 0, 10, 6, 1, 4, 0, 65, 42, 11]);
const WASM_URL = 'http://site.test/_app/duckdb-eh.wasm';

/** The bootstrap's source, as startDuckdbWorker hands it to `new Worker`. */
async function bootstrapSource(compileUrl?: string): Promise<string> {
  let blob: Blob | null = null;
  vi.stubGlobal('location', { href: 'http://site.test/' });
  vi.stubGlobal('Worker', class { addEventListener() {} });
  vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => ((blob = b as Blob), 'blob:bootstrap'));
  if (compileUrl) startBootstrappedWorker('http://site.test/_app/duckdb-browser-eh.worker.js', undefined, compileUrl, WASM_OFFLINE_COPY);
  else startDuckdbWorker('http://site.test/_app/duckdb-browser-eh.worker.js');
  return blob!.text();
}

/** A worker's own `WebAssembly` (the bootstrap replaces its `instantiateStreaming`; the test realm's must stay as it is). */
function ownWebAssembly(): typeof WebAssembly & Record<string, unknown> {
  const wa = Object.create(WebAssembly) as typeof WebAssembly & Record<string, unknown>;
  return Object.assign(wa, { compileStreaming: WebAssembly.compileStreaming, instantiateStreaming: WebAssembly.instantiateStreaming, instantiate: WebAssembly.instantiate });
}

/**
 * Runs the bootstrap as a worker runs it, the page posting DuckDB's INSTANTIATE (and `more`
 * requests) right after starting it. The bootstrap loads DuckDB's worker script with a dynamic
 * `import()`, which a Node vm cannot run without a flag: the harness renames that one call and
 * plays the script — a DuckDB stand-in that, like DuckDB-WASM 1.32's worker without
 * TransformStream, answers INSTANTIATE with `instantiateStreaming(fetch(new Request(url)), imports)`
 * and can do nothing else before that has finished. `load` decides when (and whether) the
 * script arrives. What the "network" was asked, what DuckDB handled, and what came out.
 */
async function runBootstrap(
  source: string,
  wasm: Uint8Array,
  network?: (url: string) => Promise<Response>,
  globals: Record<string, unknown> = {},
  { more = [], load = Promise.resolve() }: { more?: { type: string }[]; load?: Promise<void> } = {}
) {
  const requests: string[] = [];
  let beforeDuckdb: string[] = [];
  const posted: WasmOutcome[] = [];
  /** DuckDB's requests in the order its handler took them; `early` = taken before it had its instance. */
  const handled: { type: string; early: boolean }[] = [];
  // Boxed: a promise resolved with a promise would wait for the inner one.
  let gotInstance: (box: { p: Promise<WebAssembly.WebAssemblyInstantiatedSource> }) => void = () => {};
  const instance = new Promise<{ p: Promise<WebAssembly.WebAssemblyInstantiatedSource> }>((r) => (gotInstance = r));
  const imported: string[] = [];
  const wa = ownWebAssembly();
  const events = (globals.__events as EventTarget | undefined) ?? new EventTarget();
  const scope: Record<string, unknown> = {
    performance,
    WebAssembly: wa,
    URL,
    Request,
    Response,
    TransformStream,
    BroadcastChannel: class {
      postMessage(m: WasmOutcome) {
        posted.push(m);
      }
    },
    fetch: async (input: string | Request) => {
      const url = typeof input === 'string' ? input : input.url;
      requests.push(url);
      return network ? network(url) : new Response(wasm.slice(), { headers: { 'content-type': 'application/wasm' } });
    },
    __import: (url: string) => {
      imported.push(url);
      return load.then(() => {
        // DuckDB-WASM's worker, TransformStream gone.
        if (typeof scope.TransformStream === 'function') throw new Error('TransformStream should be gone');
        beforeDuckdb = [...requests];
        let ready = false;
        scope.onmessage = async (e: MessageEvent) => {
          if (!e.data) return;
          handled.push({ type: e.data.type, early: !ready });
          if (e.data.type !== 'INSTANTIATE') return;
          const f = scope.fetch as (r: Request) => Promise<Response>;
          const p = wa.instantiateStreaming(f(new Request(WASM_URL)), {});
          gotInstance({ p });
          await p.then(() => (ready = true), () => {});
        };
      });
    },
    // The worker's own timers: by default they never fire (tests that need them pass their own).
    setTimeout: () => 0,
    clearTimeout: () => {},
    addEventListener: events.addEventListener.bind(events),
    removeEventListener: events.removeEventListener.bind(events),
    ...globals
  };
  scope.self = scope;
  runInContext(source.replace('import(', '__import('), createContext(scope));
  for (const m of [{ type: 'INSTANTIATE' }, ...more]) events.dispatchEvent(new MessageEvent('message', { data: m }));
  const result = await (await instance).p.then((r) => ({ ok: true as const, answer: (r.instance.exports.answer as () => number)() }), (e: Error) => ({ ok: false as const, error: e.message }));
  await new Promise((r) => setTimeout(r, 0)); // the requests held behind INSTANTIATE
  return { requests, beforeDuckdb, posted, result, handled, imported };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the DuckDB worker bootstrap', () => {
  it('lets DuckDB fetch and instantiate the real response once, and reports that it worked with its stage times', async () => {
    const { requests, beforeDuckdb, posted, result } = await runBootstrap(await bootstrapSource(), WASM);
    expect(result).toEqual({ ok: true, answer: 42 });
    expect(beforeDuckdb).toEqual([]);
    expect(requests).toEqual([WASM_URL]);
    expect(posted).toHaveLength(1);
    expect(posted[0]?.ok).toBe(true);
    const t = posted[0]!.times!;
    expect(t.booted).toBeLessThanOrEqual(t.requested);
    expect(t.requested).toBeLessThanOrEqual(t.instantiated);
  });

  it('a wasm cut off half-way fails DuckDB’s instantiation and is reported with the browser’s message', async () => {
    const { requests, posted, result } = await runBootstrap(await bootstrapSource(), WASM.slice(0, 20));
    expect(result.ok).toBe(false);
    expect(requests).toEqual([WASM_URL]);
    expect(posted).toEqual([{ ok: false, error: (result as { error: string }).error }]);
  });

  it('with the early compile (early script): the wasm is asked for before DuckDB’s script runs, and DuckDB gets that module', async () => {
    const { requests, beforeDuckdb, posted, result } = await runBootstrap(await bootstrapSource(WASM_URL), WASM);
    expect(result).toEqual({ ok: true, answer: 42 });
    expect(beforeDuckdb).toEqual([WASM_URL]);
    // DuckDB's own request is made (its worker is unchanged) but its body is cancelled unread.
    expect(requests).toEqual([WASM_URL, WASM_URL]);
    expect(posted).toHaveLength(1);
    expect(posted[0]?.ok).toBe(true);
  });

  it('with the early compile, a cut-off wasm still fails DuckDB’s instantiation and is reported', async () => {
    const { posted, result } = await runBootstrap(await bootstrapSource(WASM_URL), WASM.slice(0, 20));
    expect(result.ok).toBe(false);
    expect(posted).toEqual([{ ok: false, error: (result as { error: string }).error }]);
  });

  describe('DuckDB’s worker script, loaded without blocking the worker', () => {
    it('is imported (not importScripts), and requests posted before it arrives are handled in order once it has', async () => {
      for (const compileUrl of [undefined, WASM_URL]) {
        let arrive: () => void = () => {};
        const load = new Promise<void>((r) => (arrive = r));
        const run = runBootstrap(await bootstrapSource(compileUrl), WASM, undefined, {}, { more: [{ type: 'OPEN' }, { type: 'CONNECT' }], load });
        await new Promise((r) => setTimeout(r, 10));
        arrive();
        const { handled, imported, beforeDuckdb, result } = await run;
        expect(imported).toEqual(['http://site.test/_app/duckdb-browser-eh.worker.js']);
        expect(result).toEqual({ ok: true, answer: 42 });
        expect(handled.map((h) => h.type)).toEqual(['INSTANTIATE', 'OPEN', 'CONNECT']);
        // With the early compile the wasm streams while the script is on its way: the thread is not blocked by it.
        expect(beforeDuckdb).toEqual(compileUrl ? [WASM_URL] : []);
      }
    });

    it('requests posted during the instantiation wait until it has settled (DuckDB would refuse them), then go through in order', async () => {
      const { handled } = await runBootstrap(await bootstrapSource(WASM_URL), WASM, undefined, {}, { more: [{ type: 'OPEN' }, { type: 'CONNECT' }, { type: 'RUN_QUERY' }] });
      expect(handled).toEqual([
        { type: 'INSTANTIATE', early: true },
        { type: 'OPEN', early: false },
        { type: 'CONNECT', early: false },
        { type: 'RUN_QUERY', early: false }
      ]);
    });

    it('a failed instantiation still lets the held requests through: DuckDB answers them with its error, nothing hangs', async () => {
      const { handled, result } = await runBootstrap(await bootstrapSource(), WASM.slice(0, 20), undefined, {}, { more: [{ type: 'OPEN' }] });
      expect(result.ok).toBe(false);
      expect(handled.map((h) => h.type)).toEqual(['INSTANTIATE', 'OPEN']);
    });

    it('a script that cannot be loaded is thrown in the worker, so the page’s `error` listener hears of it', async () => {
      const timers: (() => void)[] = [];
      const scope: Record<string, unknown> = {
        performance,
        WebAssembly: ownWebAssembly(), // the bootstrap replaces instantiateStreaming on it
        URL,
        fetch: () => new Promise(() => {}),
        BroadcastChannel: class { postMessage() {} },
        addEventListener: () => {},
        setTimeout: (f: () => void) => timers.push(f),
        __import: () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'))
      };
      scope.self = scope;
      runInContext((await bootstrapSource()).replace('import(', '__import('), createContext(scope));
      await new Promise((r) => setTimeout(r, 0));
      expect(timers).toHaveLength(1);
      expect(() => timers[0]!()).toThrow('Failed to fetch dynamically imported module');
    });
  });

  describe("the compile's garbage (a full collection prompted once DuckDB has its instance and the worker is quiet)", () => {
    /** The worker's global scope as far as the release goes: timers run by hand, messages sent by hand, buffer sizes counted (none really allocated). */
    function worker(refuse = false) {
      let next = 1;
      const timers = new Map<number, () => void>();
      const sizes: number[] = [];
      /** Buffers detached with `transfer(0)` (it frees their memory at once). */
      let detached = 0;
      const events = new EventTarget();
      class CountingArrayBuffer extends ArrayBuffer {
        constructor(n: number) {
          if (refuse) throw new RangeError('Array buffer allocation failed');
          super(0);
          sizes.push(n);
        }
        override transfer(n?: number): ArrayBuffer {
          if (n === 0) detached++;
          return new ArrayBuffer(0);
        }
      }
      return {
        timers,
        sizes,
        detached: () => detached,
        message: () => events.dispatchEvent(new Event('message')),
        runTimers: () => [...timers].forEach(([id, f]) => (timers.delete(id), f())),
        globals: {
          setTimeout: (f: () => void) => (timers.set(next, f), next++),
          clearTimeout: (id: number) => timers.delete(id),
          __events: events,
          ArrayBuffer: CountingArrayBuffer
        }
      };
    }
    const total = (sizes: number[]) => sizes.reduce((a, b) => a + b, 0);

    it('once DuckDB has its instance and no message came for a while, 256 MB of buffers are held together and dropped, once — with or without the early compile', async () => {
      for (const compileUrl of [undefined, WASM_URL]) {
        const w = worker();
        const { posted, result } = await runBootstrap(await bootstrapSource(compileUrl), WASM, undefined, w.globals);
        expect(result).toEqual({ ok: true, answer: 42 });
        expect(posted[0]?.ok).toBe(true);
        expect(w.sizes, 'nothing during DuckDB’s own turn').toEqual([]);
        expect(w.timers.size).toBe(1);
        // DuckDB's next requests (OPEN, the inserts, the first queries) put it off.
        w.message();
        w.message();
        expect(w.timers.size).toBe(1);
        expect(w.sizes).toEqual([]);
        w.runTimers();
        // Below ≈ 192 MB V8 did not always collect (96–128 MB: 1 of 2 dumps); 256 MB leaves a margin.
        expect(total(w.sizes)).toBe(256 * 2 ** 20);
        expect(Math.max(...w.sizes)).toBeLessThanOrEqual(8 * 2 ** 20);
        // Then every one is detached, not left for a later collection to free.
        expect(w.detached()).toBe(w.sizes.length);
        // Once: later messages start nothing.
        w.message();
        expect(w.timers.size).toBe(0);
      }
    });

    it('a failed compile prompts nothing, and a refused allocation ends it quietly', async () => {
      const failed = worker();
      const { result } = await runBootstrap(await bootstrapSource(), WASM.slice(0, 20), undefined, failed.globals);
      expect(result.ok).toBe(false);
      failed.message();
      expect(failed.timers.size).toBe(0);
      const refused = worker(true);
      const ok = await runBootstrap(await bootstrapSource(), WASM, undefined, refused.globals);
      expect(ok.result).toEqual({ ok: true, answer: 42 });
      expect(() => refused.runTimers()).not.toThrow();
    });
  });

  describe("the wasm's second try, at the service worker's offline copy", () => {
    const COPY = `${WASM_URL}?${WASM_OFFLINE_COPY}=`;
    const wasmResponse = () => new Response(WASM.slice(), { headers: { 'content-type': 'application/wasm' } });
    /** A network where the plain address fails as given and the copy answers with the wasm. */
    const failing = (first: () => Promise<Response>) => (url: string) => (url === WASM_URL ? first() : Promise.resolve(wasmResponse()));

    it('no network (the fetch rejects): DuckDB instantiates the copy, asked for once', async () => {
      for (const compileUrl of [undefined, WASM_URL]) {
        const { requests, result, posted } = await runBootstrap(await bootstrapSource(compileUrl), WASM, failing(() => Promise.reject(new TypeError('Failed to fetch'))));
        expect(result, `early compile: ${!!compileUrl}`).toEqual({ ok: true, answer: 42 });
        expect(requests.filter((u) => u === COPY).length).toBe(compileUrl ? 2 : 1); // the early compile and DuckDB's own fetch each try once
        expect(posted[0]?.ok).toBe(true);
      }
    });

    it('an error answer (a proxy’s 503 page): the copy is used instead', async () => {
      const { requests, result } = await runBootstrap(await bootstrapSource(), WASM, failing(() => Promise.resolve(new Response('<h1>Service Unavailable</h1>', { status: 503, headers: { 'content-type': 'text/html' } }))));
      expect(result).toEqual({ ok: true, answer: 42 });
      expect(requests).toEqual([WASM_URL, COPY]);
    });

    it('the copy failing too: DuckDB’s instantiation fails and is reported (the first answer, when there was one)', async () => {
      const down = await runBootstrap(await bootstrapSource(), WASM, () => Promise.reject(new TypeError('Failed to fetch')));
      expect(down.result).toEqual({ ok: false, error: 'Failed to fetch' });
      expect(down.posted).toEqual([{ ok: false, error: 'Failed to fetch' }]);
      const proxy = await runBootstrap(await bootstrapSource(), WASM, () => Promise.resolve(new Response('bad gateway', { status: 502, headers: { 'content-type': 'text/html' } })));
      expect(proxy.result.ok).toBe(false);
      expect(proxy.requests).toEqual([WASM_URL, COPY]);
    });

    it('a wasm that arrives is used as it came, and other files are never asked for twice', async () => {
      const ok = await runBootstrap(await bootstrapSource(), WASM);
      expect(ok.requests).toEqual([WASM_URL]);
      let asked = 0;
      const scope: Record<string, unknown> = {
        fetch: () => (asked++, Promise.reject(new TypeError('Failed to fetch'))),
        WebAssembly: ownWebAssembly(),
        URL,
        BroadcastChannel: class { postMessage() {} },
        __import: () => new Promise(() => {}),
        addEventListener: () => {},
        performance
      };
      scope.self = scope;
      runInContext((await bootstrapSource()).replace('import(', '__import('), createContext(scope));
      await expect((scope.fetch as (u: string) => Promise<Response>)('http://site.test/data/case.parquet')).rejects.toThrow('Failed to fetch');
      expect(asked).toBe(1);
    });
  });
});
