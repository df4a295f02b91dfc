// [CLICKS=20] [SKIP=0] npx tsx scripts/bench/click-profile.ts [dir] [--ctrl] [--alloc]
//
// CLICKS: clicks profiled; SKIP: clicks made (on bars 11, 12, …) before profiling starts, e.g.
// CLICKS=1 SKIP=0 against CLICKS=1 SKIP=1 to compare a visit's first click with a later one.
// Main-thread CPU time per cross-filter click, by package and by function: samples the page's
// main thread (CDP Profiler, 0.1 ms) over 20 clicks on システム別の事例件数 (with --ctrl: the first
// bar, then Ctrl-clicks adding bars — the engine's path) and maps every frame through the
// build's source maps. Build with source maps first (`npx vite build --sourcemap`, then copy
// build/ to the dir given; default /tmp/click-sm). "(program)" is the browser's own work
// outside JavaScript (style, layout, paint, input and message dispatch).
// --alloc: what the clicks allocate on the main thread instead (CDP HeapProfiler sampling every
// 512 bytes, garbage included), in KB per click by package and by function, and the garbage
// collections of the page's threads during the clicks (docs/performance.md, "Twelfth session").
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { LAUNCH } from '../chromium-launch';
import { createSiteHandler } from '../site-server.js';
import { allocationAsProfile, SelfTime, type AllocationNode } from './profile-by-source';
const argv = process.argv.slice(2);
const dir = resolve(argv[0] ?? '/tmp/click-sm');
const ctrl = argv.includes('--ctrl');
const alloc = argv.includes('--alloc');
const handler = createSiteHandler(dir, {});
const server = createServer((req, res) => handler(req, res));
const port = await new Promise<number>((r) => server.listen(0, '127.0.0.1', () => r((server.address() as { port: number }).port)));
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'p-')), { ...LAUNCH, viewport: { width: 1280, height: 1000 } });
const page = context.pages()[0]!;
await page.goto(`http://127.0.0.1:${port}/`);
await page.waitForFunction(() => performance.getEntriesByName('engine-ready').length > 0, null, { timeout: 120000 });
await page.waitForFunction(() => performance.getEntriesByName('click-figures').length > 0, null, { timeout: 120000 });
await page.waitForTimeout(1500);
const barsOf = () => page.$$eval('[data-testid="ov-systems"] svg path[role="graphics-symbol"]', (ps) => ps.map((p) => p.getBoundingClientRect()).filter((r) => r.width >= 3 && r.height >= 3).map((r) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 })));
await page.locator('[data-testid="ov-systems"]').scrollIntoViewIfNeeded();
if (ctrl) { const b = (await barsOf())[0]!; await page.mouse.click(b.x, b.y); await page.waitForTimeout(600); }
for (let i = 0; i < Number(process.env.SKIP ?? 0); i++) { const b = (await barsOf())[10 + i]!; await page.mouse.click(b.x, b.y); await page.waitForTimeout(600); }
const cdp = await context.newCDPSession(page);
type TraceEvent = { ph: string; name: string; pid: number; tid: number; dur?: number; args?: { name?: string } };
const events: TraceEvent[] = [];
if (alloc) {
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.startSampling', { samplingInterval: 512, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: ['devtools.timeline', 'v8', '__metadata'] } });
} else {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
}
const n = Number(process.env.CLICKS ?? 20);
for (let i = 0; i < n; i++) {
  const b = (await barsOf())[ctrl ? i + 1 : i]!;
  if (ctrl) await page.keyboard.down('Control');
  await page.mouse.click(b.x, b.y);
  if (ctrl) await page.keyboard.up('Control');
  await page.waitForTimeout(500);
}
const self = new SelfTime(dir);
const kind = `${n} ${ctrl ? 'Ctrl-' : ''}clicks`;
if (alloc) {
  const { profile: heap } = (await cdp.send('HeapProfiler.stopSampling')) as { profile: { head: AllocationNode } };
  const traced = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.end');
  await traced;
  await context.close(); server.close();
  const { profile, totalKb } = allocationAsProfile(heap.head);
  self.add(profile);
  const top = (m: Map<string, number>, k: number) => SelfTime.top(m, k, n, 'KB/click');
  console.log(`main-thread allocation per click (${kind}, sampled): ${(totalKb / n).toFixed(0)} KB; by package/file:\n${top(self.byFile, 20)}\n\nby function:\n${top(self.byFn, 30)}\n`);
  const threads = new Map(events.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args?.name ?? '?']));
  const gcs = new Map<string, number[]>();
  for (const e of events) if (e.ph === 'X' && (e.name === 'MinorGC' || e.name === 'MajorGC')) {
    const k = `${threads.get(`${e.pid}:${e.tid}`) ?? '?'} ${e.name}`;
    gcs.set(k, [...(gcs.get(k) ?? []), (e.dur ?? 0) / 1000]);
  }
  for (const [k, ms] of gcs) console.log(`${k}: ${ms.length} in ${kind}, ${ms.map((x) => x.toFixed(1)).join(' ')} ms`);
} else {
  const { profile } = (await cdp.send('Profiler.stop')) as any;
  await context.close(); server.close();
  self.add(profile);
  const top = (m: Map<string, number>, k: number) => SelfTime.top(m, k, n, 'ms/click');
  console.log(`main-thread self time per click (${kind}), by package/file:\n${top(self.byFile, 25)}\n\nby function:\n${top(self.byFn, 30)}`);
}
