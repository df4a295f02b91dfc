// npm run bench [-- options]
//   --build <dirs>       built site(s) to serve (default build/, built first if missing); several, comma-separated,
//                        are measured interleaved (run 1 of each, run 2 of each, …) so a
//                        before/after comparison sees the same machine load
//   --names <list>       a name per build (default: the folder names)
//   --label <text>       name of this run in bench-results/ (default "bench")
//   --runs <n>           cold + warm visits per network profile (default 5)
//   --net <list>         network profiles: loopback, 10mbit50ms, or <Mbit>mbit<RTT>ms (default loopback,10mbit50ms)
//   --cpu <rate>         CPU slowdown through CDP Emulation.setCPUThrottlingRate (default 1; try 4)
//   --clicks <n>         cross-filter clicks per cold visit and kind, each a state not seen before (default 20):
//                        plain clicks on one bar after another (one-click states: answered from the
//                        build-time figures where a build has them), then Ctrl-clicks adding one bar
//                        after another to a selection (multi-bar states: always the engine's path)
//   --click-net <list>   profiles on which cross-filter clicks run (default loopback)
//   --peer               also run the bench-only Vega-Lite peer page (/bench-peer) with the same clicks
//   --no-first-click     skip the separate "first click answered" visits
//   --idle-warm          also, per run, a first visit that only loads (no clicks, 3 s idle) and
//                        a warm visit after it: Chromium caches compiled wasm only after enough
//                        of it ran optimised (the clicks), so this warm visit compiles it again
//   --settled            also sample the cold visit's renderer memory 40 s after the first sample,
//                        before its clicks: the offline cache's worker, which installs in the page's
//                        renderer at engine-ready, has stopped by then (idle for 30 s)
//   --timeout <s>        give up a visit that is not drawn after this long (default 180)
//   --help               print these options and exit
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { LAUNCH } from '../chromium-launch';
import { createSiteHandler } from '../site-server.js';
const INSTRUMENT = new URL('./in-page.js', import.meta.url).pathname;
import { rendererRssMb } from './process-memory';
import { codeCacheBytes } from './code-cache';
import { ensureBuilt } from './built-sites';
import { ShapedLink } from './shaper';
import { fmt, spread, type Spread } from './stats';

const argv = process.argv.slice(2);
if (argv.includes('--help') || argv.includes('-h')) {
  // The options are this file's header comment.
  const { readFileSync } = await import('node:fs');
  console.log(readFileSync(new URL(import.meta.url), 'utf8').split('\n').slice(0, 22).filter((l) => l.startsWith('//')).map((l) => l.slice(3)).join('\n'));
  process.exit(0);
}
const opt = (name: string, dflt: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1]! : dflt;
};
const flag = (name: string) => argv.includes(`--${name}`);
const buildDirs = opt('build', process.env.BUILD_DIR ?? 'build').split(',').map((d) => resolve(d));
ensureBuilt(buildDirs, argv.includes('--build'));
const names = argv.includes('--names') ? opt('names', '').split(',') : buildDirs.map((d) => d.split('/').pop()!);
const label = opt('label', 'bench');
const runs = Number(opt('runs', '5'));
const cpu = Number(opt('cpu', '1'));
const clicks = Number(opt('clicks', '20'));
const loadTimeout = Number(opt('timeout', '180')) * 1000;
const nets = opt('net', 'loopback,10mbit50ms').split(',');
const clickNets = opt('click-net', 'loopback').split(',');
/** --settled: how long after the cold visit's memory sample it is sampled again (a service worker idle for 30 s is stopped). */
const SETTLE_MS = 40_000;

function netProfile(name: string) {
  if (name === 'loopback') return { bitsPerSecond: Infinity, rttMs: 0 };
  const m = /^(\d+(?:\.\d+)?)mbit(\d+)ms$/.exec(name);
  if (!m) throw new Error(`unknown network profile ${name}`);
  return { bitsPerSecond: Number(m[1]) * 1e6, rttMs: Number(m[2]) };
}

// ── the site, served like production, counted at the server ──────────────────────────
let requests = 0;
const handlers = buildDirs.map((dir) => createSiteHandler(dir, { gzipOnTheFly: true, onRequest: () => requests++ }));
let handler = handlers[0]!;
/** What the server sent, per request (path, encoding, bytes of body): the byte budget by kind of file. */
let served: { path: string; encoding: string; bytes: number; status: number }[] = [];
const server: Server = createServer((req, res) => {
  res.on('finish', () =>
    served.push({
      path: req.url ?? '',
      encoding: String(res.getHeader('content-encoding') ?? ''),
      // HEAD (the engine's reachability check) and 304 send no body.
      bytes: req.method === 'HEAD' || res.statusCode === 304 ? 0 : Number(res.getHeader('content-length') ?? 0),
      status: res.statusCode
    })
  );
  handler(req, res);
});
const kindOf = (path: string) =>
  /\.wasm/.test(path) ? 'wasm' : /\.js/.test(path) ? 'js' : /\.css/.test(path) ? 'css' : /\.woff2?/.test(path) ? 'font' : /\.parquet/.test(path) ? 'parquet' : /\.json/.test(path) ? 'json' : 'page/other';
const byKind = (log: typeof served) => {
  const out: Record<string, { requests: number; bytes: number }> = {};
  for (const r of log) {
    const k = (out[kindOf(r.path)] ??= { requests: 0, bytes: 0 });
    k.requests++;
    k.bytes += r.bytes;
  }
  return out;
};
const sitePort = await new Promise<number>((r) => server.listen(0, '127.0.0.1', () => r((server.address() as { port: number }).port)));

async function open(profile: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(profile, {
    ...LAUNCH,
    viewport: { width: 1280, height: 1000 },
    locale: 'ja-JP'
  });
  await context.addInitScript({ path: INSTRUMENT });
  const page = context.pages()[0] ?? (await context.newPage());
  if (cpu > 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: cpu });
  return { context, page };
}

type B = { __bench: { arm: (sel: string, quiet?: number, timeout?: number) => Promise<Click>; firstBar: (sel: string) => Promise<{ x: number; y: number; foundAt: number }>; armed: () => Promise<Click> | null; allDrawnAt: () => number; marks: () => { name: string; t: number }[]; paint: () => number } };
interface Click {
  totalMs: number;
  answeredAt: number;
  t0: number;
  /** press → the click event (input delivery; the app's selection starts there). */
  clickAt?: number;
  queries: { sent: number; answered: number }[];
}

/** When the page marked `engine-ready` (ms after navigation), -1 if it never did. */
const engineReadyAt = (marks: { name: string; t: number }[]) => marks.find((m) => m.name === 'engine-ready')?.t ?? -1;

/** Loads a page and waits for the engine and every visual. */
async function load(page: Page, url: string) {
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as B).__bench.allDrawnAt() >= 0, null, { timeout: loadTimeout, polling: 100 });
  return page.evaluate(() => {
    const b = (window as unknown as B).__bench;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return { fcp: b.paint(), drawn: b.allDrawnAt(), marks: b.marks(), ttfb: nav?.responseStart ?? -1, domContentLoaded: nav?.domContentLoadedEventEnd ?? -1 };
  });
}

/** Centres of the clickable bars of a visual (in document coordinates after scrolling it into view). */
async function bars(page: Page, visual: string) {
  await page.locator(`[data-testid="${visual}"]`).scrollIntoViewIfNeeded();
  return page.$$eval(`[data-testid="${visual}"] svg path[role="graphics-symbol"]`, (ps) =>
    ps.map((p) => p.getBoundingClientRect()).filter((r) => r.width >= 3 && r.height >= 3).map((r) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 }))
  );
}

async function click(page: Page, visual: string, at: { x: number; y: number }, timeout = 20000, additive = false): Promise<Click> {
  const result = page.evaluate(([sel, t]) => (window as unknown as B).__bench.arm(sel, 400, t), [`[data-testid="${visual}"]`, timeout] as const);
  await page.waitForTimeout(20);
  if (additive) await page.keyboard.down('Control');
  await page.mouse.click(at.x, at.y);
  if (additive) await page.keyboard.up('Control');
  return result;
}

async function crossFilter(page: Page, visual: string, n: number): Promise<Click[]> {
  const out: Click[] = [];
  // Positions are read again before each click: a selection adds the filter bar above the
  // charts and moves everything down.
  for (let i = 0; i < n; i++) {
    const targets = await bars(page, visual);
    if (i >= targets.length) break;
    out.push(await click(page, visual, targets[i]!));
  }
  return out;
}

/**
 * The engine's path, whatever a build caches: Esc, a plain click on the first bar, then
 * Ctrl-clicks adding the 2nd, 3rd, … bar — every state a multi-bar selection not seen before
 * (never among the build-time one-click figures). Only the Ctrl-clicks are timed.
 */
async function engineCrossFilter(page: Page, visual: string, n: number): Promise<Click[]> {
  const out: Click[] = [];
  await page.keyboard.press('Escape');
  await page.waitForTimeout(500);
  await click(page, visual, (await bars(page, visual))[0]!);
  for (let i = 1; i <= n; i++) {
    const targets = await bars(page, visual);
    if (i >= targets.length) break;
    out.push(await click(page, visual, targets[i]!, 20000, true));
  }
  return out;
}

interface Run {
  cold: {
    fcp: number; ttfb: number; engineReady: number; drawn: number; bytes: number; requests: number; rssMb: number; marks: { name: string; t: number }[]; byKind: ReturnType<typeof byKind>; served: typeof served;
    /** --settled: renderer RSS 40 s after `rssMb` was sampled (the offline cache's install over, its worker stopped). */
    rssSettledMb?: number;
  };
  warm: {
    fcp: number; engineReady: number; drawn: number; bytes: number; requests: number; statuses: string[];
    /** The engine's stage marks (where a warm visit's time goes). */
    marks?: { name: string; t: number }[];
    /** Compiled wasm in the profile's code cache when the warm visit started (0: the wasm is compiled again). */
    wasmCodeCacheMb?: number;
    /** Whether the offline cache (service worker) controlled the visit: before 2026-12-07 such a visit compiled the wasm again whatever the code cache held. */
    controlled?: boolean;
    /** Renderer RSS 1 s after every visual was drawn, as for the cold visit (recorded since 2026-12-07, twelfth session). */
    rssMb?: number;
  };
  /** --idle-warm: engine ready of a warm visit after a first visit without clicks, and the wasm code cache it found (MB). */
  idleWarm?: { engineReady: number; wasmCodeCacheMb: number; marks: { name: string; t: number }[] };
  clicks: Click[];
  engineClicks: Click[];
  peerClicks: Click[];
  peerFailed?: string;
  firstClick?: number;
  /** The first-click visit: when its first bar was found drawn and when it was pressed (ms after navigation). */
  firstClickStages?: { drawn: number; pressed: number };
}

const results: Record<string, Run[]> = {};
const failures: Record<string, string[]> = {};
const base = (port: number) => `http://localhost:${port}`;
/** Result columns: one per build and network profile. */
const columns = nets.flatMap((net) => names.map((name) => (names.length > 1 ? `${name} ${net}` : net)));
for (const net of nets) {
  const link = new ShapedLink(sitePort, netProfile(net));
  const port = await link.listen();
  for (let r = 0; r < runs; r++) for (const [bi, name] of names.entries()) {
    handler = handlers[bi]!;
    const column = names.length > 1 ? `${name} ${net}` : net;
    const list: Run[] = (results[column] ??= []);
    const profile = mkdtempSync(join(tmpdir(), 'bench-profile-'));
    let stage = 'cold visit';
    let context: BrowserContext | null = null;
    let page: Page | undefined;
    try {
    // Cold: a fresh profile, nothing cached.
    ({ context, page } = await open(profile));
    link.reset();
    requests = 0;
    served = [];
    const c = await load(page, `${base(port)}/`);
    await page.waitForTimeout(1000);
    const cold = {
      fcp: c.fcp, ttfb: c.ttfb, drawn: c.drawn, marks: c.marks,
      engineReady: engineReadyAt(c.marks),
      bytes: link.bytesDown, requests, rssMb: rendererRssMb(profile), byKind: byKind(served), served: r === 0 ? served : [],
      rssSettledMb: flag('settled') ? await page.waitForTimeout(SETTLE_MS).then(() => rendererRssMb(profile)) : undefined
    };
    const doClicks = clickNets.includes(net) && clicks > 0;
    const clickTimes = doClicks ? await crossFilter(page, 'ov-systems', clicks) : [];
    const engineClicks = doClicks ? await engineCrossFilter(page, 'ov-systems', clicks) : [];
    let peerClicks: Click[] = [];
    let peerFailed: string | undefined;
    if (doClicks && flag('peer') && existsSync(join(buildDirs[bi]!, 'bench-peer.html'))) {
      try {
        await load(page, `${base(port)}/bench-peer`);
        peerClicks = await crossFilter(page, 'peer-systems', clicks);
      } catch (e) {
        peerFailed = (e as Error).message.split('\n')[0];
        console.log(`${column} run ${r + 1}: peer page stopped: ${peerFailed}`);
        await context.close().catch(() => {});
        ({ context, page } = await open(profile));
      }
    }
    stage = 'warm visit';
    // V8 writes its wasm code cache a while after top-tier compilation finishes.
    await page.waitForTimeout(3000);
    await context.close();
    // Warm: the same profile again, like coming back the next day. Chromium writes compiled
    // wasm to its code cache only once V8 has optimised ≥ 1 MB of it (the cold visit's
    // clicks, not its idle time, get there): record whether this visit can use it.
    const wasmCodeCacheMb = codeCacheBytes(profile, 'wasm') / 1e6;
    ({ context, page } = await open(profile));
    link.reset();
    requests = 0;
    served = [];
    const w = await load(page, `${base(port)}/`);
    const controlled = await page.evaluate(() => navigator.serviceWorker?.controller != null);
    const warmBytes = link.bytesDown;
    const warmRequests = requests;
    const warmStatuses = served.map((x) => `${x.status} ${x.path}`);
    await page.waitForTimeout(1000);
    const warm = { fcp: w.fcp, drawn: w.drawn, engineReady: engineReadyAt(w.marks), bytes: warmBytes, requests: warmRequests, statuses: warmStatuses, marks: w.marks, wasmCodeCacheMb, controlled, rssMb: rendererRssMb(profile) };
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    const run: Run = { cold, warm, clicks: clickTimes, engineClicks, peerClicks, ...(peerFailed ? { peerFailed } : {}) };
    if (flag('idle-warm')) {
      stage = 'idle first visit';
      const p3 = mkdtempSync(join(tmpdir(), 'bench-profile-'));
      ({ context, page } = await open(p3));
      await load(page, `${base(port)}/`);
      await page.waitForTimeout(3000);
      await context.close();
      stage = 'warm visit after an idle first visit';
      const idleCacheMb = codeCacheBytes(p3, 'wasm') / 1e6;
      ({ context, page } = await open(p3));
      link.reset();
      const iw = await load(page, `${base(port)}/`);
      run.idleWarm = { engineReady: engineReadyAt(iw.marks), wasmCodeCacheMb: idleCacheMb, marks: iw.marks };
      await context.close();
      rmSync(p3, { recursive: true, force: true });
    }
    stage = 'first click';
    if (!flag('no-first-click')) {
      // First click answered: a fresh profile, the first bar pressed as soon as it is drawn
      // (found in the page, one round trip; until 2026-12-07 five round trips to the page,
      // ≈ 0.5 s, came between the bar's drawing and the press).
      const p2 = mkdtempSync(join(tmpdir(), 'bench-profile-'));
      ({ context, page } = await open(p2));
      await page.goto(`${base(port)}/`, { waitUntil: 'commit' });
      const bar = await page.evaluate((sel) => (window as unknown as B).__bench.firstBar(sel), '[data-testid="ov-systems"]');
      await page.mouse.click(bar.x, bar.y);
      const fc = await page.evaluate(() => (window as unknown as B).__bench.armed()!);
      if (fc.answeredAt < 0) throw new Error(`first click not answered: ${JSON.stringify(fc)}`);
      run.firstClick = fc.answeredAt;
      run.firstClickStages = { drawn: bar.foundAt, pressed: fc.t0 };
      await context.close();
      rmSync(p2, { recursive: true, force: true });
    }
    list.push(run);
    console.log(`${column} run ${r + 1}/${runs}: fcp ${cold.fcp.toFixed(0)} ms, engine ${cold.engineReady.toFixed(0)} ms, drawn ${cold.drawn.toFixed(0)} ms, ${(cold.bytes / 1e6).toFixed(2)} MB/${cold.requests} req, rss ${cold.rssMb} MB; warm engine ${warm.engineReady.toFixed(0)} ms ${(warm.bytes / 1e6).toFixed(2)} MB (wasm code cache ${wasmCodeCacheMb.toFixed(2)} MB)${run.idleWarm ? `, after an idle first visit ${run.idleWarm.engineReady.toFixed(0)} ms (${run.idleWarm.wasmCodeCacheMb.toFixed(2)} MB)` : ''}; first click ${run.firstClick?.toFixed(0) ?? '—'} ms; clicks median ${spread(clickTimes.map((x) => x.totalMs))?.median.toFixed(0) ?? '—'} ms, Ctrl-clicks (engine) median ${spread(engineClicks.map((x) => x.totalMs))?.median.toFixed(0) ?? '—'} ms`);
    } catch (e) {
      // A tab that runs out of memory or time: say where it stopped, keep the other runs.
      // The last engine mark reached says which stage held it (engine, data:<file>, views).
      const last = await page!
        .evaluate(() => performance.getEntriesByType('mark').map((m) => `${m.name} @${Math.round(m.startTime)} ms`).pop() ?? 'no mark')
        .catch(() => 'page gone (crashed?)');
      const reason = `${stage}: ${(e as Error).message.split('\n')[0]}; last mark: ${last}`;
      (failures[column] ??= []).push(reason);
      console.log(`${column} run ${r + 1}/${runs}: STOPPED at ${reason}`);
      await context?.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    }
  }
  await link.close();
}
server.close();

// ── summary ──────────────────────────────────────────────────────────────────────────
const S = (xs: number[]) => spread(xs);
const summary: Record<string, Record<string, Spread | null>> = {};
const breakdown: Record<string, Record<string, Spread | null>> = {};
for (const [net, list] of Object.entries(results)) {
  const clicksAll = list.flatMap((r) => r.clicks.map((c) => c.totalMs));
  const peerAll = list.flatMap((r) => r.peerClicks.map((c) => c.totalMs));
  summary[net] = {
    'first figures (FCP)': S(list.map((r) => r.cold.fcp)),
    'first click answered': S(list.map((r) => r.firstClick ?? -1)),
    'engine ready': S(list.map((r) => r.cold.engineReady)),
    'every visual drawn': S(list.map((r) => r.cold.drawn)),
    'cross-filter, one-click states (all clicks)': S(clicksAll),
    'cross-filter, one-click states: p95 per run': S(list.filter((r) => r.clicks.length).map((r) => spread(r.clicks.map((c) => c.totalMs))?.p95 ?? -1)),
    'cross-filter, engine path (Ctrl-clicks, all)': S(list.flatMap((r) => (r.engineClicks ?? []).map((c) => c.totalMs))),
    'cross-filter, engine path: p95 per run': S(list.filter((r) => r.engineClicks?.length).map((r) => spread(r.engineClicks.map((c) => c.totalMs))?.p95 ?? -1)),
    'cross-filter, one-click states: share answered without a query': S(list.filter((r) => r.clicks.length).map((r) => r.clicks.filter((c) => c.queries.length === 0).length / r.clicks.length)),
    'peer cross-filter (all clicks)': S(peerAll),
    'bytes, first visit (MB)': S(list.map((r) => r.cold.bytes / 1e6)),
    'requests, first visit': S(list.map((r) => r.cold.requests)),
    'renderer memory (MB RSS)': S(list.map((r) => r.cold.rssMb)),
    "renderer memory 40 s later, offline cache's worker stopped (--settled; MB RSS)": S(list.filter((r) => r.cold.rssSettledMb !== undefined).map((r) => r.cold.rssSettledMb!)),
    'warm visit: engine ready': S(list.map((r) => r.warm.engineReady)),
    'warm visit: every visual drawn': S(list.map((r) => r.warm.drawn)),
    'warm visit: bytes (MB)': S(list.map((r) => r.warm.bytes / 1e6)),
    'warm visit: requests': S(list.map((r) => r.warm.requests)),
    'warm visit: compiled wasm in the code cache at its start (MB)': S(list.filter((r) => r.warm.wasmCodeCacheMb !== undefined).map((r) => r.warm.wasmCodeCacheMb!)),
    'warm visit: renderer memory (MB RSS)': S(list.filter((r) => r.warm.rssMb !== undefined).map((r) => r.warm.rssMb!)),
    'warm visit: share controlled by the offline cache (service worker)': S(list.filter((r) => r.warm.controlled !== undefined).map((r) => (r.warm.controlled ? 1 : 0))),
    // ≥ 0.5 MB: an entry (DuckDB's is ≈ 1.5 MB); an empty cache is a few dozen bytes.
    'warm visit: engine ready, compiled wasm cached': S(list.filter((r) => (r.warm.wasmCodeCacheMb ?? 0) >= 0.5).map((r) => r.warm.engineReady)),
    'warm visit: engine ready, wasm compiled again': S(list.filter((r) => r.warm.wasmCodeCacheMb !== undefined && r.warm.wasmCodeCacheMb < 0.5).map((r) => r.warm.engineReady)),
    'warm visit after an idle first visit (--idle-warm): engine ready': S(list.filter((r) => r.idleWarm).map((r) => r.idleWarm!.engineReady)),
    'warm visit after an idle first visit: compiled wasm in the code cache at its start (MB)': S(list.filter((r) => r.idleWarm).map((r) => r.idleWarm!.wasmCodeCacheMb))
  };
  // Where a cold load's time goes: performance marks the engine sets along the way.
  const stage: Record<string, number[]> = {};
  for (const r of list) {
    stage['TTFB (HTML)'] = [...(stage['TTFB (HTML)'] ?? []), r.cold.ttfb];
    for (const m of r.cold.marks) (stage[`mark ${m.name}`] ??= []).push(m.t);
  }
  for (const r of list.filter((r) => r.firstClickStages)) {
    (stage['first click: bar drawn'] ??= []).push(r.firstClickStages!.drawn);
    (stage['first click: pressed'] ??= []).push(r.firstClickStages!.pressed);
  }
  for (const r of list) for (const m of r.warm.marks ?? []) (stage[`warm visit: mark ${m.name}`] ??= []).push(m.t);
  for (const r of list) for (const m of r.idleWarm?.marks ?? []) (stage[`warm visit after an idle first visit: mark ${m.name}`] ??= []).push(m.t);
  const parts = (prefix: string, clicks: Click[]) => {
    const withQueries = clicks.filter((c) => c.queries.length && c.totalMs >= 0);
    return {
      [`${prefix}: press → click event`]: clicks.filter((c) => c.clickAt !== undefined && c.clickAt >= 0).map((c) => c.clickAt!),
      [`${prefix}: press → first query posted to the worker`]: withQueries.map((c) => c.queries[0]!.sent),
      [`${prefix}: queries per click`]: clicks.map((c) => c.queries.length),
      [`${prefix}: first query posted → last answer`]: withQueries.map((c) => Math.max(...c.queries.map((q) => q.answered)) - c.queries[0]!.sent),
      // The worker answers one query at a time: a query's own time starts when the previous answer left.
      ...Object.fromEntries(
        [0, 1, 2, 3].map((k) => [
          `${prefix}: worker time of query ${k + 1}`,
          withQueries.filter((c) => c.queries.length > k).map((c) => c.queries[k]!.answered - Math.max(c.queries[k]!.sent, k ? c.queries[k - 1]!.answered : 0))
        ])
      ),
      [`${prefix}: last answer → painted frame`]: withQueries.map((c) => c.totalMs - Math.max(...c.queries.map((q) => q.answered))),
      [`${prefix}: press → painted frame, clicks without a query`]: clicks.filter((c) => !c.queries.length && c.totalMs >= 0).map((c) => c.totalMs)
    };
  };
  Object.assign(stage, parts('click', list.flatMap((r) => r.clicks)), parts('Ctrl-click (engine)', list.flatMap((r) => r.engineClicks ?? [])));
  breakdown[net] = Object.fromEntries(Object.entries(stage).map(([k, v]) => [k, S(v)]));
}

const unit = (k: string) => (/MB|requests|share/.test(k) ? '' : 'ms');
const digits = (k: string) => (/MB|share/.test(k) ? 2 : 0);
const cols = columns;
let md = `### ${label} — ${new Date().toISOString()} (runs ${runs}, CPU ×${cpu}, clicks ${clicks}; ${names.map((n, i) => `${n} = ${buildDirs[i]}`).join(', ')})\n\nmedian (min–max, n)\n\n| figure | ${cols.join(' | ')} |\n|---|${cols.map(() => '---|').join('')}\n`;
for (const k of Object.keys(summary[cols[0]!]!)) md += `| ${k} | ${cols.map((n) => fmt(summary[n]![k]!, unit(k), digits(k))).join(' | ')} |\n`;
md += `\nStage breakdown\n\n| stage | ${cols.join(' | ')} |\n|---|${cols.map(() => '---|').join('')}\n`;
const stageKeys = [...new Set(cols.flatMap((n) => Object.keys(breakdown[n]!)))];
for (const k of stageKeys) md += `| ${k} | ${cols.map((n) => fmt(breakdown[n]![k] ?? null, k.includes('per click') ? '' : 'ms', k.includes('per click') ? 1 : 0)).join(' | ')} |\n`;
for (const [c, why] of Object.entries(failures)) md += `\nStopped (${c}): ${why.join('; ')}\n`;
for (const c of cols.filter((c) => c.endsWith(nets[0]!) && results[c]?.length)) {
  md += `\nFirst visit by kind of file (${c}, first run; body bytes as sent, after compression)\n\n| kind | requests | KB |\n|---|---|---|\n`;
  for (const [k, v] of Object.entries(results[c]![0]!.cold.byKind).sort((a, b) => b[1].bytes - a[1].bytes)) md += `| ${k} | ${v.requests} | ${(v.bytes / 1024).toFixed(0)} |\n`;
}
console.log(`\n${md}`);
mkdirSync('bench-results', { recursive: true });
const stamp = new Date().toISOString().slice(0, 16).replace(':', '');
const file = `bench-results/${stamp}-${label}`;
writeFileSync(`${file}.json`, JSON.stringify({ label, date: new Date().toISOString(), builds: Object.fromEntries(names.map((n, i) => [n, buildDirs[i]])), runs, cpu, clicks, nets, summary, breakdown, raw: results, failures }, null, 2));
writeFileSync(`${file}.md`, md);
console.log(`wrote ${file}.json and ${file}.md`);
