/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { base, build, files, prerendered, version } from '$service-worker';
import { precacheCandidates, routeOf } from '$lib/offline/offline-policy';

/**
 * The offline cache: after a first visit the dashboard opens with no network (LGWAN links
 * and proxies fail often). One cache per build (`version`): a worker only ever writes files
 * of its own build into it, and a new build's worker deletes the old cache when it takes
 * over, so pages, engine and data of two builds (two as-of dates) are never mixed.
 * Registered after the engine is ready (src/lib/offline/register.ts).
 */
const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `kyodo-${version}`;

sw.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // Only what the browser already holds: an install never downloads anything.
      await Promise.all(
        precacheCandidates(build, files, prerendered).map(async (path) => {
          try {
            const res = await fetch(path, { cache: 'only-if-cached', mode: 'same-origin' });
            if (res.ok) await cache.put(path, res);
          } catch {
            // Not in the HTTP cache: kept when first used.
          }
        })
      );
      await sw.skipWaiting();
    })()
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key.startsWith('kyodo-') && key !== CACHE) await caches.delete(key);
      await sw.clients.claim();
    })()
  );
});

/** Does the site still serve this worker's build? Asked at most every 30 s; unknown counts as no. */
let checked: { at: number; same: Promise<boolean> } | undefined;
function siteIsThisBuild(): Promise<boolean> {
  if (!checked || Date.now() - checked.at > 30_000) {
    const same = fetch(`${base}/_app/version.json`, { cache: 'no-store' })
      .then((r) => r.json() as Promise<{ version?: string }>)
      .then((j) => j.version === version)
      .catch(() => false);
    checked = { at: Date.now(), same };
    void same.then((yes) => {
      if (!yes) void sw.registration.update().catch(() => {});
    });
  }
  return checked.same;
}

async function keep(cache: Cache, req: Request, res: Response): Promise<void> {
  if (req.method !== 'GET' || !res.ok || res.type !== 'basic' || res.status !== 200) return;
  await cache.put(req, res);
}

async function fromCache(cache: Cache, req: Request): Promise<Response | undefined> {
  // A page opened with filters in its address is the same HTML: filters are read in the browser.
  const hit = await cache.match(req.url, { ignoreSearch: req.mode === 'navigate' });
  if (!hit) return undefined;
  // The engine asks `HEAD` of its wasm's offline copy before fetching the wasm.
  return req.method === 'HEAD' ? new Response(null, { status: hit.status, headers: hit.headers }) : hit;
}

async function immutable(req: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  // A hashed file is the same whatever its query (the wasm's second try asks for `?offline-copy`): kept once, without it.
  const plain = new URL(req.url);
  plain.search = '';
  const asKept = plain.href === req.url ? req : new Request(plain.href, { method: req.method });
  const hit = await fromCache(cache, asKept);
  if (hit) return hit;
  const res = await fetch(asKept);
  void keep(cache, asKept, res.clone()).catch(() => {});
  return res;
}

async function networkFirst(req: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  try {
    const res = await fetch(req);
    if (res.ok && req.method === 'GET') {
      const copy = res.clone();
      void siteIsThisBuild().then((same) => (same ? keep(cache, req, copy) : undefined)).catch(() => {});
    }
    return res;
  } catch (e) {
    const hit = await fromCache(cache, req);
    if (hit) return hit;
    throw e;
  }
}

sw.addEventListener('fetch', (event) => {
  const req = event.request;
  const route = routeOf(new URL(req.url), req.method, location.origin, req.headers.has('range'));
  if (route === 'immutable') event.respondWith(immutable(req));
  else if (route === 'network-first') event.respondWith(networkFirst(req));
});
