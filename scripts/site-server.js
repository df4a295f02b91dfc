// The one way this project serves a built site: used by `npm start`/`npm run preview`
// (scripts/serve.js), the e2e tests and the benchmark (scripts/bench). Headers are the
// ones docs/deploying.md tells nginx, Apache httpd and IIS to send.
import { existsSync, readFileSync, statSync, watch } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import sirv from 'sirv';

/**
 * Content-Security-Policy of every response that is not a page — notably the DuckDB-WASM
 * worker script, which takes its policy from its own response headers, not from the page.
 */
export const BASE_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'"
].join('; ');

/**
 * Policy header of the HTML pages. Each page also carries SvelteKit's own policy in a
 * <meta> tag whose script-src allows only its inline bootstrap, by hash. The browser
 * enforces both policies (a script must pass each), so the header may allow inline
 * scripts and the meta tag narrows that to the one hashed bootstrap — which keeps the
 * header the same for every page, as nginx, Apache httpd and IIS can send it.
 * `frame-ancestors` works only in a header.
 */
export const PAGE_POLICY = BASE_POLICY.replace("script-src 'self' 'wasm-unsafe-eval'", "script-src 'self' 'wasm-unsafe-eval' 'unsafe-inline'");

/** The HTML file a request path resolves to, if it is a page. */
function pageFile(dir, pathname) {
  const candidates = /\.[a-z0-9]+$/i.test(pathname) ? [pathname] : [`${pathname.replace(/\/$/, '')}.html`, `${pathname.replace(/\/$/, '')}/index.html`];
  return candidates.map((c) => join(dir, c)).find((f) => f.endsWith('.html') && existsSync(f));
}

/**
 * The response headers of docs/deploying.md for a request path (besides Content-Length
 * and Content-Encoding): CSP, nosniff, no referrer, the wasm type, and caching — hashed
 * build assets forever, everything else revalidated on each visit (ETag), so new data
 * and a new build are seen at once and never mixed with old pages.
 */
export function siteHeaders(dir, pathname) {
  const page = pageFile(dir, pathname);
  const headers = {
    'Content-Security-Policy': page ? PAGE_POLICY : BASE_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': pathname.startsWith('/_app/immutable/') ? 'public, max-age=31536000, immutable' : 'no-cache'
  };
  if (pathname.endsWith('.wasm')) headers['Content-Type'] = 'application/wasm';
  return headers;
}

const COMPRESSIBLE = /\.(html|js|mjs|css|json|wasm|svg|txt|xml|map)$/i;

/**
 * A request handler for the built site in `dir`. Options:
 *   gzipOnTheFly — compress files that have no precompressed sibling (gzip level 6, kept in
 *                  memory), like a stock nginx with `gzip on`; the benchmark's "before".
 *   onRequest    — called with each request (for counting).
 *   recheckMs    — index.html is looked at at least this often while requests come, even if
 *                  the folder reports no change (default 1000).
 */
export function createSiteHandler(dir, { gzipOnTheFly = false, onRequest, recheckMs = 1000 } = {}) {
  // brotli/gzip: send `<file>.br` / `<file>.gz` (scripts/precompress.js) when the browser accepts them.
  // sirv (dev: false) lists the folder once; a build rewrites index.html, so a new one means a
  // new listing — a server left running across `npm run build` serves the new hashed files
  // instead of answering them 404 (and never streams a file the build removed).
  const listing = () => sirv(dir, { extensions: ['html'], dev: false, etag: true, brotli: true, gzip: true });
  const buildStamp = () => statSync(join(dir, 'index.html'), { throwIfNoEntry: false })?.mtimeMs;
  let files = listing();
  let listed = buildStamp();
  // index.html is looked at (a stat) when the folder reported a change (fs.watch: at once, no
  // window in which a removed file is still listed), at least every `recheckMs` (a file system
  // that reports nothing), and before answering 404 (a new build's file asked for before its
  // change was reported) — not on every request. A build may remove the folder and make it
  // anew: after a reported change it is watched again (and looked at on each request while it
  // cannot be watched).
  let watcher;
  let changed = false;
  const watchFolder = () => {
    watcher?.close();
    try {
      watcher = watch(dir, { persistent: false }, () => (changed = true));
      watcher.on('error', () => (changed = true));
      return true;
    } catch {
      watcher = undefined;
      return false;
    }
  };
  let watching = watchFolder();
  let lookedAt = Date.now();
  /** Looks at index.html; true if it is a new build (then listed again). */
  const look = () => {
    if (changed || !watching) watching = watchFolder();
    changed = false;
    lookedAt = Date.now();
    const stamp = buildStamp();
    if (stamp === listed) return false;
    [files, listed] = [listing(), stamp];
    return true;
  };
  const gzipped = new Map();
  // A page asked for (a browser's navigation) gets the build's 404.html (scripts/not-found-page.js),
  // as docs/deploying.md configures nginx, Apache httpd and IIS; anything else (a script, DuckDB
  // asking for an extension) a plain 404.
  const notFoundPage = join(dir, '404.html');
  const notFound = (req, res) => {
    const page = /text\/html/.test(req.headers.accept ?? '') && existsSync(notFoundPage);
    res.statusCode = 404;
    res.setHeader('Content-Security-Policy', page ? PAGE_POLICY : BASE_POLICY);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('Content-Type', page ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8');
    res.end(page ? readFileSync(notFoundPage) : '404 見つかりません (not found)');
  };
  return (req, res) => {
    onRequest?.(req);
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      return notFound(req, res);
    }
    for (const [k, v] of Object.entries(siteHeaders(dir, pathname))) res.setHeader(k, v);
    if (gzipOnTheFly && /gzip/.test(req.headers['accept-encoding'] ?? '')) {
      const file = existsSync(join(dir, pathname)) && COMPRESSIBLE.test(pathname) ? join(dir, pathname) : pageFile(dir, pathname);
      if (file && existsSync(file) && statSync(file).size >= 1024 && !existsSync(`${file}.gz`) && !existsSync(`${file}.br`)) {
        let body = gzipped.get(file);
        if (!body) gzipped.set(file, (body = gzipSync(readFileSync(file), { level: 6 })));
        if (!res.getHeader('Content-Type')) res.setHeader('Content-Type', contentType(file));
        res.setHeader('Content-Encoding', 'gzip');
        res.setHeader('Vary', 'Accept-Encoding');
        res.setHeader('Content-Length', body.length);
        return res.end(body);
      }
    }
    if (changed || !watching || Date.now() - lookedAt >= recheckMs) look();
    files(req, res, () => (look() ? files(req, res, () => notFound(req, res)) : notFound(req, res)));
  };
}

const TYPES = { html: 'text/html; charset=utf-8', js: 'text/javascript', mjs: 'text/javascript', css: 'text/css', json: 'application/json', wasm: 'application/wasm', svg: 'image/svg+xml', txt: 'text/plain', xml: 'application/xml', map: 'application/json' };
function contentType(file) {
  return TYPES[file.split('.').pop().toLowerCase()] ?? 'application/octet-stream';
}
