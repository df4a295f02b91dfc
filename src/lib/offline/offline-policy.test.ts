import { describe, expect, it } from 'vitest';
import { WASM_OFFLINE_COPY } from '$lib/db/worker-bootstrap.js';
import { precacheCandidates, routeOf } from './offline-policy';

const origin = 'https://example.lg.jp';
const at = (path: string) => new URL(path, origin);

describe('routeOf', () => {
  it('serves hashed build assets from the cache first, and pages, data and figures from the network first', () => {
    expect(routeOf(at(`/_app/immutable/assets/duckdb-eh.abc.wasm?${WASM_OFFLINE_COPY}=`), 'GET', origin)).toBe('immutable');
    expect(routeOf(at('/kyodo/_app/immutable/chunks/x.js'), 'GET', origin)).toBe('immutable');
    for (const p of ['/', '/cases?sys=S08', '/data/case.parquet', '/figures/overview.json', '/cases/K0001']) expect(routeOf(at(p), 'GET', origin)).toBe('network-first');
    expect(routeOf(at(`/_app/immutable/assets/duckdb-eh.abc.wasm?${WASM_OFFLINE_COPY}=`), 'HEAD', origin)).toBe('immutable');
  });
  it("leaves the engine's wasm to the browser (its HTTP cache keeps the compiled code), except the worker's second try at the cache's copy", () => {
    for (const p of ['/_app/immutable/assets/duckdb-eh.abc.wasm', '/kyodo/_app/immutable/assets/parquet_wasm_bg.def.wasm']) {
      expect(routeOf(at(p), 'GET', origin)).toBe('pass');
      expect(routeOf(at(p), 'HEAD', origin)).toBe('pass');
      for (const m of ['GET', 'HEAD']) expect(routeOf(at(`${p}?${WASM_OFFLINE_COPY}=`), m, origin)).toBe('immutable'); // answered offline too
    }
    expect(routeOf(at('/_app/immutable/chunks/wasm.abc.js'), 'GET', origin)).toBe('immutable');
  });
  it('leaves other origins, writes, range requests, extension lookups and the version file alone', () => {
    expect(routeOf(new URL('https://extensions.duckdb.org/x'), 'GET', origin)).toBe('pass');
    expect(routeOf(at('/'), 'POST', origin)).toBe('pass');
    expect(routeOf(at('/data/case.parquet'), 'GET', origin, true)).toBe('pass');
    expect(routeOf(at('/duckdb-extensions/v1.4.3/wasm_eh/parquet.duckdb_extension.wasm'), 'GET', origin)).toBe('pass');
    expect(routeOf(at('/_app/version.json'), 'GET', origin)).toBe('pass');
  });
});

describe('precacheCandidates', () => {
  it('keeps the build, static files and pages once each, never the MVP engine or compressed siblings', () => {
    const got = precacheCandidates(
      ['/_app/immutable/assets/duckdb-eh.1.wasm', '/_app/immutable/assets/duckdb-mvp.2.wasm', '/_app/immutable/assets/duckdb-browser-mvp.worker.3.js', '/_app/immutable/x.js'],
      ['/data/case.parquet', '/data/case.parquet.br'],
      ['/', '/cases', '/']
    );
    expect(got).toEqual(['/_app/immutable/assets/duckdb-eh.1.wasm', '/_app/immutable/x.js', '/data/case.parquet', '/', '/cases']);
  });
});
