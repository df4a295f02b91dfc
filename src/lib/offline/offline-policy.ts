/**
 * What the offline cache (src/service-worker.ts) does with a request — pure, so it is
 * tested without a browser. The site's own rules (docs/deploying.md) carry over: hashed
 * build assets never change; everything else may change with a new build and is asked
 * from the network first.
 */
import { WASM_OFFLINE_COPY } from '$lib/db/worker-bootstrap.js';

export type Route =
  /** Hashed build asset: from the cache if present, else the network (then kept). Its address's query is ignored. */
  | 'immutable'
  /** Pages, data, figures: the network first (kept if it belongs to this build); the cache only when the network fails. */
  | 'network-first'
  /** Not touched: the browser does what it would without a service worker. */
  | 'pass';

export function routeOf(url: URL, method: string, origin: string, rangeRequest = false): Route {
  if (url.origin !== origin || rangeRequest) return 'pass';
  if (method !== 'GET' && method !== 'HEAD') return 'pass';
  // Extension lookups must fail fast as before (the engine never loads extensions).
  if (url.pathname.includes('/duckdb-extensions')) return 'pass';
  // The build's version file is how a worker learns that the site changed: never cached.
  if (url.pathname.endsWith('/_app/version.json')) return 'pass';
  if (url.pathname.includes('/_app/immutable/')) {
    // Compiled code: Chromium reuses a wasm's compiled code only for a response from its own HTTP
    // cache, never for one a service worker gives, and a worker's answer for that address (even
    // to a HEAD) made the next visit compile it again (measured: docs/performance.md, "Eleventh
    // session"). So the wasm's own address is the browser's (the hashed file is fresh in its HTTP
    // cache for a year: no network either); the engine's reachability check and the worker's
    // second try (offline with the HTTP cache evicted) ask for this cache's copy instead.
    if (url.pathname.endsWith('.wasm') && !url.searchParams.has(WASM_OFFLINE_COPY)) return 'pass';
    return 'immutable';
  }
  return 'network-first';
}

/** DuckDB's MVP bundle is for browsers without wasm exceptions: never fetched by the ones that can run a service worker. */
const NEVER_KEPT = /duckdb-(browser-)?mvp/;

/**
 * The files an installing worker copies from the browser's HTTP cache (`only-if-cached`:
 * no network byte): the build's assets, the static files and the prerendered pages. What
 * the browser has not fetched yet is kept later, when it is first used.
 */
export function precacheCandidates(build: readonly string[], files: readonly string[], prerendered: readonly string[]): string[] {
  return [...new Set([...build, ...files, ...prerendered])].filter((u) => !NEVER_KEPT.test(u) && !/\.(br|gz)$/.test(u));
}
