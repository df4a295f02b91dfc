// npx tsx scripts/bench/click-trace.ts [--build dir] [--clicks 10] [--ctrl] [--out trace.json]
//
// Where a cross-filter click's milliseconds go, thread by thread: records a Chromium trace
// (CDP Tracing, devtools.timeline) while clicking the bars of システム別の事例件数 one after
// another, then prints for each click the main thread's and the DuckDB worker's tasks from the
// press until 300 ms after it (start and duration relative to the press, and what ran: event
// dispatches, timers, animation frames, script URLs, layout, paint). With --ctrl the first bar
// is clicked before tracing and the traced clicks add bars with Ctrl (multi-bar states: the
// engine's path, never the build-time figures).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { LAUNCH } from '../chromium-launch';
import { createSiteHandler } from '../site-server.js';

const argv = process.argv.slice(2);
const opt = (name: string, dflt: string) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1]! : dflt);
const dir = resolve(opt('build', 'build'));
const clicks = Number(opt('clicks', '10'));
const path = opt('path', '/');

const handler = createSiteHandler(dir, {});
const server = createServer((req, res) => handler(req, res));
const port = await new Promise<number>((r) => server.listen(0, '127.0.0.1', () => r((server.address() as { port: number }).port)));
const profile = mkdtempSync(join(tmpdir(), 'trace-profile-'));
const context = await chromium.launchPersistentContext(profile, { ...LAUNCH, viewport: { width: 1280, height: 1000 } });
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(`http://127.0.0.1:${port}${path}`);
await page.waitForFunction(() => performance.getEntriesByName('engine-ready').length > 0, null, { timeout: 120000 });
await page.waitForTimeout(1500);

const ctrl = argv.includes('--ctrl');
const barsOf = () =>
  page.$$eval('[data-testid="ov-systems"] svg path[role="graphics-symbol"]', (ps) =>
    ps.map((p) => p.getBoundingClientRect()).filter((r) => r.width >= 3 && r.height >= 3).map((r) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 }))
  );
if (ctrl) {
  await page.locator('[data-testid="ov-systems"]').scrollIntoViewIfNeeded();
  const first = (await barsOf())[0]!;
  await page.mouse.click(first.x, first.y);
  await page.waitForTimeout(700);
}
const cdp = await context.newCDPSession(page);
type Ev = { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: Record<string, unknown>; cat: string };
const events: Ev[] = [];
cdp.on('Tracing.dataCollected', (e: { value: Ev[] }) => events.push(...e.value));
const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
await cdp.send('Tracing.start', {
  traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing', 'toplevel'] },
  transferMode: 'ReportEvents'
});
for (let i = 0; i < clicks; i++) {
  await page.locator('[data-testid="ov-systems"]').scrollIntoViewIfNeeded();
  const bars = await barsOf();
  const at = bars[ctrl ? i + 1 : i]!;
  if (ctrl) await page.keyboard.down('Control');
  await page.mouse.click(at.x, at.y);
  if (ctrl) await page.keyboard.up('Control');
  await page.waitForTimeout(700);
}
await cdp.send('Tracing.end');
await done;
if (argv.includes('--out')) writeFileSync(opt('out', 'trace.json'), JSON.stringify(events));
await context.close();
rmSync(profile, { recursive: true, force: true });
server.close();

const threadName = new Map<string, string>();
for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threadName.set(`${e.pid}:${e.tid}`, String((e.args as { name: string }).name));
const presses = events.filter((e) => e.name === 'EventDispatch' && (e.args?.data as { type?: string })?.type === 'pointerdown').map((e) => e.ts);
const main = events.find((e) => threadName.get(`${e.pid}:${e.tid}`) === 'CrRendererMain' && e.name === 'EventDispatch');
const workers = [...threadName.entries()].filter(([k, v]) => v === 'DedicatedWorker thread' && k.startsWith(`${main?.pid}:`)).map(([k]) => k);
const describe = (task: Ev) => {
  const inside = events.filter((e) => e.pid === task.pid && e.tid === task.tid && e.ts >= task.ts && e.ts <= task.ts + (task.dur ?? 0) && e !== task && e.ph === 'X');
  const what = new Map<string, number>();
  for (const e of inside) {
    const d = e.args?.data as { type?: string; url?: string; functionName?: string } | undefined;
    let key = '';
    if (e.name === 'EventDispatch') key = `event:${d?.type}`;
    else if (e.name === 'FunctionCall') key = `fn:${(d?.url ?? '').split('/').pop()}${d?.functionName ? `:${d.functionName}` : ''}`;
    else if (['TimerFire', 'FireAnimationFrame', 'FireIdleCallback', 'Layout', 'UpdateLayoutTree', 'Paint', 'PrePaint', 'Layerize', 'HitTest', 'ParseHTML', 'RunMicrotasks', 'V8.GC_SCAVENGER', 'MajorGC', 'MinorGC'].includes(e.name)) key = e.name;
    if (key) what.set(key, (what.get(key) ?? 0) + (e.dur ?? 0) / 1000);
  }
  return [...what.entries()].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ');
};
for (const [i, t0] of presses.entries()) {
  console.log(`\nclick ${i + 1}`);
  const tasks = events
    .filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.ts >= t0 - 2000 && e.ts < t0 + 300_000 && (e.dur ?? 0) > 300)
    .filter((e) => (e.pid === main?.pid && e.tid === main?.tid) || workers.includes(`${e.pid}:${e.tid}`))
    .sort((a, b) => a.ts - b.ts);
  for (const t of tasks) {
    const who = t.tid === main?.tid ? 'main  ' : 'worker';
    console.log(`${who} +${((t.ts - t0) / 1000).toFixed(1).padStart(6)} ms  ${((t.dur ?? 0) / 1000).toFixed(1).padStart(5)} ms  ${describe(t)}`);
  }
}
