/**
 * The pages' early script (early-engine.js): whether it starts anything, what it starts, and
 * that the text written into the pages runs the same program with the same worker bootstrap.
 */
import { createContext, runInContext } from 'node:vm';
import { describe, expect, it, vi } from 'vitest';
import { EARLY_ENGINE, earlyEngine, earlyEngineScript } from './early-engine.js';
import type { EarlyEngine } from './early-handover';
import type { WasmOutcome } from './duckdb-worker';

const KEY = '1796566981883';
const MARKER = {
  key: KEY,
  worker: 'http://site.test/_app/immutable/assets/duckdb-browser-eh.worker.js',
  wasm: 'http://site.test/_app/immutable/assets/duckdb-eh.wasm',
  files: ['http://site.test/data/case.parquet', 'http://site.test/data/system.parquet']
};

/** A stand-in for DuckDB's worker: records what is posted; `answer` plays the worker's reply. */
class FakeWorker extends EventTarget {
  posted: unknown[] = [];
  terminated = false;
  constructor(readonly url: string) {
    super();
  }
  postMessage(m: unknown) {
    this.posted.push(m);
  }
  terminate() {
    this.terminated = true;
  }
  answer(data: unknown) {
    this.dispatchEvent(new MessageEvent('message', { data }));
  }
}

/** A page's global scope with a marker (or none) and an address. */
function page(stored: string | null, search = '', storageThrows = false) {
  const workers: FakeWorker[] = [];
  const fetched: string[] = [];
  const marks: string[] = [];
  const g: Record<string, unknown> = {
    localStorage: {
      getItem: (k: string) => {
        if (storageThrows) throw new Error('SecurityError');
        return k === EARLY_ENGINE.marker ? stored : null;
      }
    },
    location: { search, href: 'http://site.test/' },
    performance: { mark: (n: string) => marks.push(n) },
    fetch: (u: string) => (fetched.push(u), Promise.resolve(new Response('PAR1')))
  };
  const start = vi.fn((url: string, _onWasm?: (o: WasmOutcome) => void, _compileUrl?: string) => {
    const w = new FakeWorker(url);
    workers.push(w);
    return w as unknown as Worker;
  });
  return { g, start, workers, fetched, marks, early: () => g[EARLY_ENGINE.global] as EarlyEngine | undefined };
}

const run = (p: ReturnType<typeof page>) => earlyEngine(p.g, { ...EARLY_ENGINE, key: KEY }, p.start);

/** What the script posts to DuckDB's worker, in this order: the worker's bootstrap holds OPEN and CONNECT until the instantiation has settled. */
const EARLY_REQUESTS = [
  { messageId: EARLY_ENGINE.id, type: 'INSTANTIATE', data: [MARKER.wasm, null] },
  { messageId: EARLY_ENGINE.openId, type: 'OPEN', data: { path: ':memory:' } },
  { messageId: EARLY_ENGINE.connectId, type: 'CONNECT', data: null }
];

describe('the early script decides', () => {
  it('a first visit (no marker) starts nothing and fetches nothing', () => {
    const p = page(null);
    run(p);
    expect(p.start).not.toHaveBeenCalled();
    expect(p.fetched).toEqual([]);
    expect(p.early()).toBeUndefined();
  });

  it('a marker of another build starts nothing', () => {
    const p = page(JSON.stringify({ ...MARKER, key: 'older' }));
    run(p);
    expect(p.start).not.toHaveBeenCalled();
    expect(p.fetched).toEqual([]);
  });

  it('data=local in the address fetches no published data', () => {
    const p = page(JSON.stringify(MARKER), '?data=local&sys=S08');
    run(p);
    expect(p.start).not.toHaveBeenCalled();
    expect(p.fetched).toEqual([]);
  });

  it('a broken marker or storage that throws leaves the normal start alone, without an error', () => {
    for (const p of [page('{not json'), page(JSON.stringify({ key: KEY })), page(JSON.stringify(MARKER), '', true)]) {
      expect(() => run(p)).not.toThrow();
      expect(p.start).not.toHaveBeenCalled();
      expect(p.early()).toBeUndefined();
    }
  });

  it("this build's marker: the marker's worker gets DuckDB's INSTANTIATE of its wasm, then OPEN and CONNECT; every file is fetched once, all left for the engine", () => {
    const p = page(JSON.stringify(MARKER), '?sys=S08');
    run(p);
    expect(p.start).toHaveBeenCalledTimes(1);
    expect(p.workers[0]!.url).toBe(MARKER.worker);
    expect(p.workers[0]!.posted).toEqual(EARLY_REQUESTS);
    expect(p.fetched).toEqual(MARKER.files);
    const early = p.early()!;
    expect(early.key).toBe(KEY);
    expect(early.w).toBe(p.workers[0]);
    expect(Object.keys(early.files)).toEqual(MARKER.files);
    expect(p.marks).toEqual(['engine:early-start']);
  });
});

describe("the early requests' answers", () => {
  it('OK resolves `instantiated` and is not passed on to DuckDB’s own listener (it asked for nothing)', async () => {
    const p = page(JSON.stringify(MARKER));
    run(p);
    const seenLater: unknown[] = [];
    p.workers[0]!.addEventListener('message', (e) => seenLater.push((e as MessageEvent).data));
    p.workers[0]!.answer({ messageId: 0, requestId: 0, type: 'LOG', data: {} });
    p.workers[0]!.answer({ messageId: 1, requestId: EARLY_ENGINE.id, type: 'OK', data: null });
    await expect(p.early()!.instantiated).resolves.toBeUndefined();
    expect(seenLater).toEqual([{ messageId: 0, requestId: 0, type: 'LOG', data: {} }]);
  });

  it("DuckDB's ERROR rejects it with DuckDB's message", async () => {
    const p = page(JSON.stringify(MARKER));
    run(p);
    p.workers[0]!.answer({ messageId: 1, requestId: EARLY_ENGINE.id, type: 'ERROR', data: { message: 'bad wasm' } });
    await expect(p.early()!.instantiated).rejects.toThrow('bad wasm');
  });

  it('OPEN’s OK resolves `opened`, CONNECT’s CONNECTION_INFO resolves `connected` with the connection id; neither reaches DuckDB’s own listener', async () => {
    const p = page(JSON.stringify(MARKER));
    run(p);
    const seenLater: unknown[] = [];
    p.workers[0]!.addEventListener('message', (e) => seenLater.push((e as MessageEvent).data));
    p.workers[0]!.answer({ messageId: 1, requestId: EARLY_ENGINE.id, type: 'OK', data: null });
    p.workers[0]!.answer({ messageId: 2, requestId: EARLY_ENGINE.openId, type: 'OK', data: null });
    p.workers[0]!.answer({ messageId: 3, requestId: EARLY_ENGINE.connectId, type: 'CONNECTION_INFO', data: 7 });
    await expect(p.early()!.opened).resolves.toBeUndefined();
    await expect(p.early()!.connected).resolves.toBe(7);
    expect(seenLater).toEqual([]);
  });

  it('an instantiation that failed: DuckDB refuses OPEN and CONNECT too, and each rejects with its message', async () => {
    const p = page(JSON.stringify(MARKER));
    run(p);
    p.workers[0]!.answer({ messageId: 1, requestId: EARLY_ENGINE.id, type: 'ERROR', data: { message: 'bad wasm' } });
    p.workers[0]!.answer({ messageId: 2, requestId: EARLY_ENGINE.openId, type: 'ERROR', data: { message: 'duckdb is not initialized' } });
    p.workers[0]!.answer({ messageId: 3, requestId: EARLY_ENGINE.connectId, type: 'ERROR', data: { message: 'duckdb is not initialized' } });
    await expect(p.early()!.instantiated).rejects.toThrow('bad wasm');
    await expect(p.early()!.opened).rejects.toThrow('duckdb is not initialized');
    await expect(p.early()!.connected).rejects.toThrow('duckdb is not initialized');
  });

  it('the worker failing to start rejects all three', async () => {
    const p = page(JSON.stringify(MARKER));
    run(p);
    p.workers[0]!.dispatchEvent(Object.assign(new Event('error'), { message: 'script 404' }));
    for (const answer of [p.early()!.instantiated, p.early()!.opened, p.early()!.connected]) await expect(answer).rejects.toThrow('DuckDB-WASM worker: script 404');
  });

  it('the wasm outcome the bootstrap reports reaches `wasmOutcome`', async () => {
    const p = page(JSON.stringify(MARKER));
    run(p);
    const report = p.start.mock.calls[0]![1]!;
    report({ ok: false, error: 'cut off' });
    await expect(p.early()!.wasmOutcome).resolves.toEqual({ ok: false, error: 'cut off' });
  });
});

describe('the script written into the pages', () => {
  /** Runs the page script in a fresh context; returns the blob source the bootstrap made and what it left. */
  function runScript(stored: string | null) {
    const blobs: Blob[] = [];
    const workers: FakeWorker[] = [];
    const fetched: string[] = [];
    const scope: Record<string, unknown> = {
      localStorage: { getItem: () => stored },
      location: { search: '', href: 'http://site.test/cases' },
      performance: { mark: () => {} },
      fetch: (u: string) => (fetched.push(u), Promise.resolve(new Response('PAR1'))),
      URLSearchParams,
      JSON,
      Promise,
      Error,
      Math,
      Blob,
      URL: class extends URL {
        static override createObjectURL = (b: Blob) => (blobs.push(b), 'blob:bootstrap');
        static override revokeObjectURL = () => {};
      },
      BroadcastChannel: class {
        addEventListener() {}
        close() {}
      },
      Worker: class extends FakeWorker {
        constructor(url: string) {
          super(url);
          workers.push(this);
        }
      }
    };
    scope.self = scope;
    runInContext(earlyEngineScript(KEY), createContext(scope));
    return { blobs, workers, fetched, early: scope[EARLY_ENGINE.global] as EarlyEngine | undefined };
  }

  it('with a marker, starts DuckDB’s worker through the same TransformStream-free bootstrap and fetches the files', async () => {
    const r = runScript(JSON.stringify(MARKER));
    expect(r.workers.map((w) => w.url)).toEqual(['blob:bootstrap']);
    const source = await r.blobs[0]!.text();
    expect(source).toContain('delete self.TransformStream;');
    expect(source).toContain(`import(${JSON.stringify(MARKER.worker)})`);
    expect(r.workers[0]!.posted).toEqual(EARLY_REQUESTS);
    expect(r.fetched).toEqual(MARKER.files);
    expect(r.early?.key).toBe(KEY);
  });

  it('without a marker does nothing', () => {
    const r = runScript(null);
    expect(r.workers).toEqual([]);
    expect(r.fetched).toEqual([]);
    expect(r.early).toBeUndefined();
  });

  it('is one line-indent-stripped expression with no closing script tag', () => {
    const s = earlyEngineScript(KEY);
    expect(s).not.toMatch(/<\/script/i);
    expect(s).not.toMatch(/\n[ \t]/);
    expect(s).toContain(JSON.stringify(KEY));
  });
});
