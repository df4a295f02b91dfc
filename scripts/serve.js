// Serves the built static site (build/) the way a careful intranet web server would:
// a strict Content-Security-Policy header on every response, no SPA fallback (DuckDB
// must get a 404 for any extension path, never index.html), and nothing but local files.
//   node scripts/serve.js [--port 4173] [--dir build]
import { createServer } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sirv from 'sirv';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const dir = resolve(opt('dir', 'build'));
const port = Number(opt('port', process.env.PORT ?? 4173));
if (!existsSync(join(dir, 'index.html'))) {
  console.error(`${dir}/index.html がありません。先に npm run build を実行してください (build the site first).`);
  process.exit(1);
}

/** Policy for non-HTML responses — notably the DuckDB worker script, which takes its CSP from its own headers. */
const BASE_POLICY = [
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

/** HTML pages carry SvelteKit's own policy (with the hash of its inline bootstrap) in a meta tag: send it as a header too. */
function policyOf(html) {
  const m = html.match(/<meta http-equiv="content-security-policy" content="([^"]+)"/i);
  return m ? `${m[1].replaceAll('&#39;', "'").replaceAll('&quot;', '"')}; frame-ancestors 'none'` : BASE_POLICY;
}

const files = sirv(dir, {
  extensions: ['html'],
  dev: false,
  etag: true,
  setHeaders(res, pathname) {
    // sirv reports the request path; a page may be /x, /x.html or /x/index.html on disk.
    let policy = BASE_POLICY;
    const clean = decodeURIComponent(pathname);
    const candidates = /\.[a-z0-9]+$/i.test(clean) ? [clean] : [`${clean.replace(/\/$/, '')}.html`, `${clean.replace(/\/$/, '')}/index.html`];
    const page = candidates.map((c) => join(dir, c)).find((f) => f.endsWith('.html') && existsSync(f));
    if (page) policy = policyOf(readFileSync(page, 'utf8'));
    res.setHeader('Content-Security-Policy', policy);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    if (pathname.endsWith('.wasm')) res.setHeader('Content-Type', 'application/wasm');
    // Hashed build assets never change: let the browser keep them, and V8 cache the
    // compiled DuckDB wasm, so the second visit starts much faster.
    if (pathname.startsWith('/_app/immutable/')) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
  }
});

const server = createServer((req, res) =>
  files(req, res, () => {
    res.statusCode = 404;
    res.setHeader('Content-Security-Policy', BASE_POLICY);
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end('404 見つかりません (not found)');
  })
);
server.listen(port, '127.0.0.1', () => {
  const { port: actual } = server.address();
  console.log(`ダッシュボード: http://localhost:${actual}/`);
});
