import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { notFoundScript } from '../src/routes/not-found.js';
import { cspHash } from './critical-hints.js';

/**
 * Writes build/404.html (run by the adapter, before precompress): what a web server sends for
 * an address it has no file for (docs/deploying.md: nginx `error_page`, Apache
 * `ErrorDocument`, IIS `httpErrors`; `npm start` does it itself). One self-contained page —
 * its own style, no asset paths, since it is served at any depth of any sub-path — whose
 * inline script (src/routes/not-found.js, allowed by its hash) finds the site's root in the
 * address. The site's pages are the build's own top-level HTML files.
 */
export function writeNotFoundPage(out) {
  const pages = readdirSync(out)
    .filter((f) => f.endsWith('.html') && f !== 'index.html' && f !== '404.html')
    .map((f) => f.replace(/\.html$/, ''))
    .sort();
  const script = notFoundScript(pages);
  writeFileSync(join(out, '404.html'), notFoundHtml(script));
  return pages;
}

function notFoundHtml(script) {
  const csp = `default-src 'none'; script-src ${cspHash(script)}; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'`;
  return `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta http-equiv="content-security-policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>ページが見つかりません | 自治体システムの共同調達ダッシュボード</title>
<style>
body { font-family: system-ui, 'Noto Sans JP', 'Hiragino Sans', 'Yu Gothic UI', Meiryo, sans-serif; color: #1a1a1c; background: #f5f5f7; margin: 0; line-height: 1.7; }
main { max-width: 40rem; margin: 4rem auto; padding: 1.5rem 2rem; background: #fff; border: 1px solid #d8d8dc; border-radius: 8px; }
h1 { font-size: 1.3rem; margin: 0 0 1rem; }
p { margin: 0.6rem 0; }
.en { color: #555; font-size: 0.9rem; }
a { color: #0031d8; }
</style>
</head>
<body>
<main data-testid="not-found">
<h1>ページが見つかりません（404）</h1>
<p>このアドレスのページはありません。アドレスが途中で切れていないか、打ち間違いがないかを確かめてください。</p>
<p><a id="home" href="./" hidden data-testid="not-found-home">ダッシュボードのトップへ</a></p>
<p class="en">Page not found: there is no page at this address. Check that it is complete and correctly typed.</p>
</main>
<script>${script}</script>
</body>
</html>
`;
}
