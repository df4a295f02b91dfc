import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createHash } from 'node:crypto';
import { earlyEngineScript } from '../src/lib/db/early-engine.js';
import { earlyInputScript } from '../src/lib/ui/early-input.js';

/**
 * Preload hints written into the prerendered pages (run by the adapter, before precompress),
 * so that what the first click needs is requested with the page's own scripts instead of at
 * the end of a chain of dynamic imports (docs/performance.md, "Critical bytes first"):
 *
 * - pages with charts (`data-ready`): the precompiled chart specs, vega, vega-interpreter and
 *   vega-tooltip (embed-strict.ts imports them only once a chart mounts, i.e. after hydration,
 *   vega only after the specs' chunk has come), and the page's one-click figures `figures/<page>.json`
 *   (fetched by the page only after the load event);
 * - every page that starts the engine (all but /own-data): the engine's JS (browser-engine.ts
 *   and its imports: duckdb-wasm's JS, apache-arrow, hyparquet), so the engine starts
 *   right after hydration. The wasm itself is not hinted: on a first visit the engine asks for it only after
 *   the load event (critical-first.ts), so it never takes the link from these.
 *
 * - every page that starts the engine: the early start of a returning visit
 *   (src/lib/db/early-engine.js), an inline classic script right after the CSP <meta>, whose
 *   sha256 is added to that meta's `script-src` (hash mode: no 'unsafe-inline'). It does
 *   nothing on a first visit (no marker), so a first visit's requests are as without it.
 *
 * - every page with a CSP <meta>: the capture of input made before hydration (button presses,
 *   dropped files: src/lib/ui/early-input.js), the same way (inline, hashed), first in the head.
 *
 * - every page: SvelteKit's error node (`nodes/1`), which its start imports before hydrating
 *   but does not hint; queued behind the hints above it would hold hydration back.
 *
 * Chunk names come from Vite's client manifest; a missing entry (a renamed module) is an
 * error, not a silent loss of the hints.
 */
/** SvelteKit's error page node: its start imports it with the page's own nodes, but does not preload it. */
const START_MODULES = ['nodes/1'];
/**
 * The chart runtime: what the module that imports the precompiled specs (embed-strict.ts) imports
 * dynamically — the specs, vega, vega-interpreter, vega-tooltip, whatever chunks Rollup puts
 * them in — except vega-embed, which only specs the build did not compile need.
 */
const CHART_IMPORTER_OF = 'virtual:precompiled-charts';
const NOT_CRITICAL = /node_modules\/vega-embed\//;
const ENGINE_MODULES = ['src/lib/db/browser-engine.ts'];
/** figures/<name>.json belongs to the page at this address (src/routes/figures/pages.ts names them after their route). */
const figuresPage = (name) => (name === 'overview' ? 'index.html' : `${name}.html`);

export function writeCriticalHints(out, clientDir) {
  const manifest = JSON.parse(readFileSync(join(clientDir, '.vite/manifest.json'), 'utf8'));
  const key = (id) => {
    const k = Object.keys(manifest).find((k) => k === id || manifest[k].name === id);
    if (!k) throw new Error(`critical-hints: ${id} is not in the client manifest`);
    return k;
  };
  /** The chunk files of these modules and everything they import statically, in load order. */
  const files = (ids) => {
    const seen = new Set();
    const visit = (k) => {
      if (seen.has(k)) return;
      seen.add(k);
      for (const i of manifest[k].imports ?? []) visit(i);
    };
    ids.map(key).forEach(visit);
    return [...seen].map((k) => manifest[k].file).filter((f) => f.endsWith('.js'));
  };
  const startFiles = files(START_MODULES);
  const importer = Object.values(manifest).find((v) => (v.dynamicImports ?? []).includes(CHART_IMPORTER_OF));
  if (!importer) throw new Error(`critical-hints: nothing imports ${CHART_IMPORTER_OF}`);
  const chartModules = [...new Set(importer.dynamicImports)].filter((k) => !NOT_CRITICAL.test(k));
  const chartFiles = files(chartModules).filter((f) => !startFiles.includes(f));
  const engineFiles = files(ENGINE_MODULES).filter((f) => !startFiles.includes(f) && !chartFiles.includes(f));
  const figures = existsSync(join(out, 'figures')) ? readdirSync(join(out, 'figures')).filter((f) => f.endsWith('.json')) : [];
  const figuresOf = new Map(figures.map((f) => [figuresPage(f.replace(/\.json$/, '')), `figures/${f}`]));
  const version = JSON.parse(readFileSync(join(out, '_app/version.json'), 'utf8')).version;
  const early = earlyEngineScript(version);
  const earlyHash = cspHash(early);
  const input = earlyInputScript();
  const inputHash = cspHash(input);
  let pages = 0;
  for (const file of htmlFiles(out)) {
    const path = relative(out, file);
    const page = readFileSync(file, 'utf8');
    let html = /<meta http-equiv="content-security-policy"/.test(page) ? withEarlyScript(page, input, inputHash, path) : page;
    // After SvelteKit's own modulepreloads (and so after its CSP <meta>); their prefix is the page's relative root.
    const last = path === 'own-data.html' ? undefined : [...html.matchAll(/<link href="([^"]*?)_app\/immutable\/[^"]+" rel="modulepreload">/g)].pop();
    if (last) {
      const root = last[1];
      const charts = html.includes('data-ready=');
      const hints = [
        ...startFiles.map((f) => `<link href="${root}${f}" rel="modulepreload">`),
        ...(charts ? chartFiles : []).map((f) => `<link href="${root}${f}" rel="modulepreload">`),
        ...(charts && figuresOf.has(path) ? [`<link href="${root}${figuresOf.get(path)}" rel="preload" as="fetch" crossorigin="anonymous">`] : []),
        ...engineFiles.map((f) => `<link href="${root}${f}" rel="modulepreload">`)
      ].filter((h) => !html.includes(h.slice(0, h.indexOf('" rel=') + 1)));
      const at = last.index + last[0].length;
      html = withEarlyScript(html.slice(0, at) + hints.join('') + html.slice(at), early, earlyHash, path);
      pages++;
    }
    if (html !== page) writeFileSync(file, html);
  }
  return pages;
}

/** A CSP source allowing exactly this inline script. */
export const cspHash = (script) => `'sha256-${createHash('sha256').update(script).digest('base64')}'`;

/** An early script right after the CSP <meta>, its hash in that meta's script-src (a page without one is an error: the script would run unchecked or not at all). */
export function withEarlyScript(html, script, hash, path) {
  const csp = /<meta http-equiv="content-security-policy" content="([^"]*)">/.exec(html);
  if (!csp || !/script-src /.test(csp[1])) throw new Error(`critical-hints: ${path} has no CSP <meta> with script-src`);
  if (html.includes(script)) return html;
  const meta = csp[0].replace(/script-src ([^;"]*)/, (m) => `${m} ${hash}`);
  return html.slice(0, csp.index) + meta + `<script>${script}</script>` + html.slice(csp.index + csp[0].length);
}

function htmlFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? htmlFiles(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : []
  );
}
