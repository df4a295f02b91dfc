// When does a repeat visit reuse Chromium's compiled code (wasm and JS code cache)?
//   npx tsx scripts/bench/warm-visits.ts [--build build] [--visits 3] [--clicks 40,0,0]
//        [--linger 3000] [--runs 1] [--sw] [--marks] [--msgs] [--no-trace] [--js-flags=…]
//   npx tsx scripts/bench/warm-visits.ts --pair 40 [--visits 3] [--runs 4]
// One persistent profile per run, `--visits` visits in a row (each a new browser, like coming
// back another day). Visit i makes `clicks[i]` cross-filter clicks (half plain, half Ctrl:
// the engine's path), then stays open `linger[i]` ms before its browser closes. Every visit is
// traced (CDP Tracing) and prints: engine-ready and the engine's stages, the wasm trace events
// (`v8.wasm.compiledModule`/`v8.wasm.cachedModule`: compiled code handed to the cache;
// `v8.wasm.moduleCacheHit` + `wasm.Deserialize`: taken from it) and the size of the profile's
// `Code Cache/wasm` and `/js` after the browser closed. `--sw` lets the offline service worker
// run; `--msgs` lists DuckDB's worker round trips; `--pair` compares, interleaved, warm visits
// after a first visit with and without clicks (see docs/performance.md "Warm visits").
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { FLAGS, LAUNCH } from '../chromium-launch';
import { createSiteHandler } from '../site-server.js';
import { clickAround } from './click-around';
import { folderSize as du } from './code-cache';

const argv = process.argv.slice(2);
const opt = (name: string, dflt: string) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1]! : dflt);
const dir = resolve(opt('build', 'build'));
const visits = Number(opt('visits', '3'));
const runs = Number(opt('runs', '1'));
const linger = opt('linger', '0').split(',').map(Number);
/** Cross-filter clicks per visit (like a user looking around), before lingering: half plain, half Ctrl. */
const clicks = opt('clicks', '0').split(',').map(Number);
const jsFlags = argv.filter((a) => a.startsWith('--js-flags='));
const serviceWorkers = argv.includes('--sw') ? 'allow' : 'block';
const trace = !argv.includes('--no-trace');

const requests: string[] = [];
const handler = createSiteHandler(dir);
const server = createServer((req, res) => {
  res.on('finish', () => requests.push(`${res.statusCode} ${req.url}`));
  handler(req, res);
});
const port = await new Promise<number>((r) => server.listen(0, '127.0.0.1', () => r((server.address() as { port: number }).port)));
const url = `http://localhost:${port}/`;

const mb = (d: { bytes: number; files: number }) => `${(d.bytes / 1e6).toFixed(2)} MB/${d.files} files`;

async function visit(profile: string, lingerMs: number, clickCount: number) {
  const context = await chromium.launchPersistentContext(profile, { ...LAUNCH, args: [...FLAGS, ...jsFlags], serviceWorkers });
  await context.addInitScript({ path: new URL('./in-page.js', import.meta.url).pathname });
  const page = context.pages()[0] ?? (await context.newPage());
  const events: string[] = [];
  let cdp: CDPSession | null = null;
  if (trace) {
    cdp = await context.newCDPSession(page);
    cdp.on('Tracing.dataCollected', (e) => {
      for (const ev of e.value as { name: string }[]) if (/wasm|CodeCache|code cache/i.test(ev.name ?? '') && !/compileConsume$|^wasm\.(Compile|Execute)|Liftoff|Turbofan/.test(ev.name)) events.push(ev.name);
    });
    await cdp.send('Tracing.start', {
      transferMode: 'ReportEvents',
      traceConfig: { includedCategories: ['v8.wasm', 'disabled-by-default-v8.wasm.detailed', 'v8', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'loading', 'blink'] }
    });
  }
  requests.length = 0;
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('engine-ready').length > 0, null, { timeout: 120000, polling: 50 });
  const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => `${m.name}@${Math.round(m.startTime)}`));
  const sw = await page.evaluate(() => !!navigator.serviceWorker?.controller);
  // DuckDB's worker round trips up to engine-ready: request type, posted at, answered after.
  const msgs = await page.evaluate(() => {
    const m = (window as unknown as { __bench: { msgs: { dir: string; t: number; type: string; id: number }[] } }).__bench.msgs;
    const ready = performance.getEntriesByName('engine-ready')[0]!.startTime;
    let id = 0;
    return m
      .filter((x) => x.dir === 'out' && x.t <= ready)
      .map((x) => {
        const answer = m.find((y) => y.dir === 'in' && y.id === x.id && y.t >= x.t);
        id++;
        return `${x.type}@${Math.round(x.t)}+${answer ? Math.round(answer.t - x.t) : '?'}`;
      });
  });
  const served = [...requests];
  if (clickCount > 0) {
    await clickAround(page, clickCount);
  }
  if (lingerMs > 0) await page.waitForTimeout(lingerMs);
  if (cdp) {
    const done = new Promise<void>((r) => cdp!.once('Tracing.tracingComplete', () => r()));
    await cdp.send('Tracing.end');
    await done;
  }
  await context.close();
  const counts = new Map<string, number>();
  for (const e of events) counts.set(e, (counts.get(e) ?? 0) + 1);
  return { marks, events: [...counts].map(([n, c]) => `${n}×${c}`).join(', '), sw, served, msgs };
}

/** The engine's start by stage (ms from navigation start): where a warm visit's time goes. */
function stages(marks: string[]): string {
  const t = (prefix: string) => {
    const m = marks.find((x) => x.startsWith(prefix));
    return m ? Number(m.slice(m.lastIndexOf('@') + 1)) : NaN;
  };
  const points: [string, number][] = [
    ['engine start', t('engine:engine:')],
    ['page loaded', t('engine:page-loaded@')],
    ['worker', t('engine:worker-started@')],
    ['worker JS', t('engine:worker-script-loaded@')],
    ['wasm asked', t('engine:wasm-requested@')],
    ['wasm ready', t('engine:wasm-instantiated@')],
    ['data', t('engine:data:')],
    ['views', t('engine:views:')],
    ['ready', t('engine-ready@')]
  ];
  const known = points.filter(([, v]) => Number.isFinite(v)); // no `page loaded` when the page had loaded already
  return known.map(([n, v], i) => `${n} ${v.toFixed(0)}${i ? ` (+${(v - known[i - 1]![1]).toFixed(0)})` : ''}`).join(', ');
}

// --pair <clicks>: two profiles, the first visit of one with <clicks> clicks (then linger), of the
// other with none; then `--visits` − 1 warm visits to each, alternating: with and without a
// compiled-code cache entry under the same machine load.
if (argv.includes('--pair')) {
  const n = Number(opt('pair', '40'));
  const l = linger[0]!;
  for (let r = 0; r < runs; r++) {
    const used = mkdtempSync(join(tmpdir(), 'warm-visits-'));
    const idle = mkdtempSync(join(tmpdir(), 'warm-visits-'));
    await visit(used, l, n);
    await visit(idle, l, 0);
    for (let v = 1; v < visits; v++)
      for (const [name, profile] of [['used', used], ['idle', idle]] as const) {
        const res = await visit(profile, 0, 0);
        const hit = /moduleCacheHit/.test(res.events) ? 'HIT' : 'miss';
        console.log(`run ${r + 1} warm ${v} ${name} (${hit}): ${stages(res.marks)}`);
        if (argv.includes('--msgs')) console.log(`  worker: ${res.msgs.join(' ')}`);
      }
    rmSync(used, { recursive: true, force: true });
    rmSync(idle, { recursive: true, force: true });
  }
  server.close();
  process.exit(0);
}

for (let r = 0; r < runs; r++) {
  const profile = mkdtempSync(join(tmpdir(), 'warm-visits-'));
  for (let v = 0; v < visits; v++) {
    const l = linger[Math.min(v, linger.length - 1)]!;
    const c = clicks[Math.min(v, clicks.length - 1)]!;
    const res = await visit(profile, l, c);
    const ready = res.marks.find((m) => m.startsWith('engine-ready@'));
    const wasmReq = res.served.filter((s) => s.includes('.wasm'));
    console.log(`run ${r + 1} visit ${v + 1} (${c} clicks, then linger ${l} ms${res.sw ? ', controlled by the service worker' : ''}): ${ready}; requests ${res.served.length} (${wasmReq.join(' ') || 'no wasm request'})`);
    console.log(`  stages: ${stages(res.marks)}`);
    if (argv.includes('--marks')) console.log(`  marks: ${res.marks.join(' ')}`);
    if (argv.includes('--msgs')) console.log(`  worker: ${res.msgs.join(' ')}`);
    console.log(`  trace: ${res.events || '(none)'}`);
    console.log(`  profile after close: Code Cache/wasm ${mb(du(join(profile, 'Default', 'Code Cache', 'wasm')))}, Code Cache/js ${mb(du(join(profile, 'Default', 'Code Cache', 'js')))}, Cache ${mb(du(join(profile, 'Default', 'Cache')))}, Service Worker ${mb(du(join(profile, 'Default', 'Service Worker')))}`);
  }
  rmSync(profile, { recursive: true, force: true });
}
server.close();
