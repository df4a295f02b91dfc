// npx tsx scripts/bench/warm-cpu.ts [build] [visits=3]
//
// CPU time per thread of a returning visit, from navigation to engine-ready: one persistent
// profile with service workers allowed (as users have them); visit 1 loads and makes 40
// cross-filter clicks (half Ctrl: the engine's path), so Chromium writes its wasm code cache,
// then stays 3 s; each later visit is traced (CDP Tracing: toplevel tasks' thread time, V8's
// compile and wasm events) and prints every thread's CPU and wall time, the total, and the
// largest event kinds on the page's main thread, DuckDB's worker and V8's background threads
// (wasm.TopTierCompilation: TurboFan; wasm.CompileLazy: Liftoff on first call). A thread's CPU
// counts its outermost toplevel tasks; V8's compile jobs on the thread pool can run outside
// them, so read the event kinds for those. Tracing costs time of its own: compare builds in
// the same run, not with the bench's figures.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { LAUNCH } from '../chromium-launch';
import { createSiteHandler } from '../site-server.js';
import { clickAround } from './click-around';

type Ev = { ph: string; name: string; cat?: string; pid: number; tid: number; ts: number; dur?: number; tdur?: number; args?: { name?: string } };
const dir = resolve(process.argv[2] ?? 'build');
const visits = Number(process.argv[3] ?? 3);
const handler = createSiteHandler(dir);
const server = createServer((req, res) => handler(req, res));
const port = await new Promise<number>((r) => server.listen(0, '127.0.0.1', () => r((server.address() as { port: number }).port)));
const profile = mkdtempSync(join(tmpdir(), 'warm-cpu-'));

const add = (m: Map<string, { cpu: number; wall: number; n: number }>, k: string, e: Ev) => {
  const c = m.get(k) ?? { cpu: 0, wall: 0, n: 0 };
  c.cpu += (e.tdur ?? e.dur ?? 0) / 1000;
  c.wall += (e.dur ?? 0) / 1000;
  c.n++;
  m.set(k, c);
};
const ms = (x: number) => x.toFixed(0).padStart(5);

for (let v = 1; v <= visits; v++) {
  const context = await chromium.launchPersistentContext(profile, { ...LAUNCH, serviceWorkers: 'allow' });
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  const events: Ev[] = [];
  if (v > 1) {
    cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as Ev[])));
    await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: ['toplevel', '__metadata', 'blink.user_timing', 'devtools.timeline', 'v8.wasm', 'v8', 'disabled-by-default-v8.compile'] } });
  }
  await page.goto(`http://localhost:${port}/`);
  await page.waitForFunction(() => performance.getEntriesByName('engine-ready').length > 0, null, { timeout: 120000, polling: 50 });
  const ready = await page.evaluate(() => performance.getEntriesByName('engine-ready')[0]!.startTime);
  if (v === 1) {
    await clickAround(page, 40);
    await page.waitForTimeout(3000);
    await context.close();
    continue;
  }
  const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.end');
  await done;
  await context.close();
  const names = new Map(events.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args?.name ?? '']));
  const procs = new Map(events.filter((e) => e.ph === 'M' && e.name === 'process_name').map((e) => [e.pid, e.args?.name ?? '']));
  const start = Math.max(...events.filter((e) => e.name === 'navigationStart').map((e) => e.ts));
  const end = start + ready * 1000;
  const threads = new Map<string, { cpu: number; wall: number; n: number }>();
  const kinds = new Map<string, { cpu: number; wall: number; n: number }>();
  const tops = new Map<string, Ev[]>();
  for (const e of events) {
    if (e.ph !== 'X' || e.ts < start || e.ts > end) continue;
    const thread = names.get(`${e.pid}:${e.tid}`) ?? String(e.tid);
    const proc = procs.get(e.pid) ?? String(e.pid);
    const key = `${proc} / ${thread}`;
    if ((e.cat ?? '').includes('toplevel')) {
      if (!tops.has(key)) tops.set(key, []);
      tops.get(key)!.push(e);
    }
    else if (proc === 'Renderer' && /ThreadPoolForegroundWorker|DedicatedWorker|CrRendererMain/.test(thread)) add(kinds, `${thread.slice(0, 22).padEnd(22)} ${e.name}`, e);
  }
  // A thread's outermost tasks only (a microtask checkpoint runs inside a task: counted once).
  for (const [k, list] of tops) {
    let until = -Infinity;
    for (const e of list.sort((a, b) => a.ts - b.ts)) {
      if (e.ts < until) continue;
      until = e.ts + (e.dur ?? 0);
      add(threads, k, e);
    }
  }
  console.log(`visit ${v}: engine-ready ${Math.round(ready)} ms`);
  let total = 0;
  for (const [k, c] of [...threads].sort((a, b) => b[1].cpu - a[1].cpu)) {
    if (c.cpu < 5) continue;
    total += c.cpu;
    console.log(`  ${k.padEnd(56)} cpu ${ms(c.cpu)} ms  wall ${ms(c.wall)} ms  tasks ${c.n}`);
  }
  console.log(`  total CPU of outermost tasks (threads with ≥ 5 ms) ${total.toFixed(0)} ms in ${Math.round(ready)} ms; V8's compile jobs can run outside them (below)`);
  for (const [k, c] of [...kinds].sort((a, b) => b[1].cpu - a[1].cpu).slice(0, 20)) console.log(`    ${k.padEnd(70)} ${ms(c.cpu)} ms ×${c.n}`);
}
server.close();
rmSync(profile, { recursive: true, force: true });
