/**
 * The worker bootstrap (duckdb-worker.ts) run in a Node vm context standing in for the worker's
 * global scope: `importScripts` plays DuckDB-WASM 1.32's worker (without TransformStream it
 * calls `instantiateStreaming(fetch(new Request(url)), imports)`), Node's real WebAssembly
 * compiles a tiny module.
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

/** Runs the bootstrap; DuckDB's worker script asks for `wasm`. What the "network" was asked, and what came out. */
async function runBootstrap(source: string, wasm: Uint8Array, network?: (url: string) => Promise<Response>, globals: Record<string, unknown> = {}) {
  const requests: string[] = [];
  let beforeDuckdb: string[] = [];
  const posted: WasmOutcome[] = [];
  let instance: Promise<WebAssembly.WebAssemblyInstantiatedSource> | null = null;
  const wa = Object.create(WebAssembly) as typeof WebAssembly & Record<string, unknown>;
  Object.assign(wa, { compileStreaming: WebAssembly.compileStreaming, instantiateStreaming: WebAssembly.instantiateStreaming, instantiate: WebAssembly.instantiate });
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
    importScripts: () => {
      // DuckDB-WASM's worker, TransformStream gone: instantiateStreaming(fetch(new Request(url)), imports).
      if (typeof scope.TransformStream === 'function') throw new Error('TransformStream should be gone');
      beforeDuckdb = [...requests];
      const f = scope.fetch as (r: Request) => Promise<Response>;
      instance = wa.instantiateStreaming(f(new Request(WASM_URL)), {});
    }
  };
  // The worker's own timers and message events: by default timers never fire (tests that need them pass their own).
  const events = new EventTarget();
  Object.assign(scope, { setTimeout: () => 0, clearTimeout: () => {}, addEventListener: events.addEventListener.bind(events), removeEventListener: events.removeEventListener.bind(events) }, globals);
  scope.self = scope;
  runInContext(source, createContext(scope));
  const result = await instance!.then((r) => ({ ok: true as const, answer: (r.instance.exports.answer as () => number)() }), (e: Error) => ({ ok: false as const, error: e.message }));
  return { requests, beforeDuckdb, posted, result };
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
          addEventListener: events.addEventListener.bind(events),
          removeEventListener: events.removeEventListener.bind(events),
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
        WebAssembly,
        URL,
        BroadcastChannel: class { postMessage() {} },
        importScripts: () => {},
        performance
      };
      scope.self = scope;
      runInContext(await bootstrapSource(), createContext(scope));
      await expect((scope.fetch as (u: string) => Promise<Response>)('http://site.test/data/case.parquet')).rejects.toThrow('Failed to fetch');
      expect(asked).toBe(1);
    });
  });
});
