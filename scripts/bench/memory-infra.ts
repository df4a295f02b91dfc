/**
 * What the renderer's memory is made of: loads a built site's page as the benchmark does
 * (fresh profile, every visual drawn, 1 s idle), then takes a detailed Chromium memory-infra
 * dump (CDP `Tracing` with `disabled-by-default-memory-infra`, `Tracing.requestMemoryDump`) and
 * prints, per process, RSS and the allocators' sizes (v8 per isolate, partition_alloc, malloc,
 * blink_gc, skia, fonts, …), plus the process's /proc smaps split by mapping kind.
 * Usage: npx tsx scripts/bench/memory-infra.ts [--build DIR] [--path /] [--json FILE] [--depth N] [--flags '--a --b']
 * [--after MS: keep sampling RSS this long after the bench's sampling point, then dump]
 * [--no-gc: a dump without the garbage collections a deterministic dump runs first]
 * [--no-sw: block service workers (the bench allows them: the offline cache installs at engine-ready)]
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { FLAGS, LAUNCH } from '../chromium-launch';
import { createSiteHandler } from '../site-server.js';
import { rendererRssMb } from './process-memory';
import { hexMb, memoryDump, type Attr } from './memory-dump';

const argv = process.argv.slice(2);
const opt = (name: string, dflt: string) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1]! : dflt);
const build = resolve(opt('build', 'build'));
const path = opt('path', '/');
const depth = Number(opt('depth', '2'));
const extraFlags = opt('flags', '').split(' ').filter(Boolean);
const handler = createSiteHandler(build, { gzipOnTheFly: true });
const server = createServer((req, res) => handler(req, res));
const port = await new Promise<number>((r) => server.listen(0, '127.0.0.1', () => r((server.address() as { port: number }).port)));

// As the benchmark opens it (a persistent profile, so the same code caching), plus a DevTools
// port for a browser-wide CDP session (memory dumps cover every process).
const profile = mkdtempSync(join(tmpdir(), 'memory-infra-'));
const context = await chromium.launchPersistentContext(profile, {
  ...LAUNCH,
  args: [...FLAGS, '--remote-debugging-port=0', ...extraFlags],
  viewport: { width: 1280, height: 1000 },
  locale: 'ja-JP',
  serviceWorkers: argv.includes('--no-sw') ? 'block' : 'allow'
});
await context.addInitScript({ path: new URL('./in-page.js', import.meta.url).pathname });
const page = context.pages()[0] ?? (await context.newPage());
const workers: string[] = [];
page.on('worker', (w) => workers.push(w.url()));
// The renderer's RSS every 250 ms from navigation until `--after` ms past the bench's sampling point.
const timeline: { t: number; rss: number }[] = [];
const t0 = Date.now();
const sampler = setInterval(() => timeline.push({ t: Date.now() - t0, rss: rendererRssMb(profile) }), 250);
await page.goto(`http://localhost:${port}${path}`);
type B = { __bench: { allDrawnAt: () => number; marks: () => { name: string; t: number }[] } };
const hasCharts = await page.evaluate(() => document.querySelectorAll('[aria-busy]').length > 0);
if (hasCharts) await page.waitForFunction(() => (window as unknown as B).__bench.allDrawnAt() >= 0, null, { timeout: 180_000, polling: 100 });
else await page.waitForLoadState('load');
await page.waitForTimeout(1000);
const rssBench = rendererRssMb(profile);
const benchAt = Date.now() - t0;
await page.waitForTimeout(Number(opt('after', '0')));
clearInterval(sampler);
const marks = await page.evaluate(() => (window as unknown as B).__bench.marks().filter((m) => /^engine/.test(m.name)).map((m) => `${m.name} ${Math.round(m.t)}`));
const liveWorkers = page.workers().map((w) => w.url().slice(0, 80));
const serviceWorkers = context.serviceWorkers().map((w) => w.url().slice(0, 80));
const devtoolsPort = readFileSync(join(profile, 'DevToolsActivePort'), 'utf8').split('\n')[0];
const browser = await chromium.connectOverCDP(`http://127.0.0.1:${devtoolsPort}`);
const cdp = await browser.newBrowserCDPSession();
const { success, events, processes } = await memoryDump(cdp, { gc: !argv.includes('--no-gc') });
if (argv.includes('--json')) writeFileSync(opt('json', 'memory-trace.json'), JSON.stringify({ traceEvents: events }));
const sizeOf = (a: { attrs?: Record<string, Attr> }) => hexMb(a.attrs?.size?.value);

console.log(`dump ${success ? 'ok' : 'FAILED'}; page ${path}, build ${build}; bench's renderer memory ${rssBench} MB`);
console.log(`workers started: ${workers.length} (${workers.map((u) => u.slice(0, 60)).join(', ')}); alive: ${liveWorkers.length}; service workers: ${serviceWorkers.join(', ') || 'none'}`);
console.log(`marks: ${marks.join(', ')}`);
if (timeline.length) {
  const peak = timeline.reduce((a, b) => (b.rss > a.rss ? b : a));
  console.log(`renderer RSS (ms since navigation: MB), bench samples at ${benchAt} ms, peak ${peak.rss} MB at ${peak.t} ms:`);
  console.log(`  ${timeline.filter((_, i) => i % 2 === 0).map((x) => `${x.t}:${x.rss}`).join(' ')}`);
}
const vmRss = (pid: number) => {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;
  } catch {
    return NaN;
  }
};
const biggest = processes.filter((p) => /Renderer/.test(p.name)).sort((a, b) => vmRss(b.pid) - vmRss(a.pid))[0]?.pid;
for (const e of processes) {
  const allocators = e.allocators;
  const top = Object.entries(allocators).filter(([n]) => !n.includes('/')).map(([n, a]) => [n, sizeOf(a)] as const).filter(([, v]) => v >= 0.1);
  console.log(`\n== pid ${e.pid} ${e.name} ${e.labels}: VmRSS ${vmRss(e.pid).toFixed(1)} MB`);
  if (e.pid !== biggest) {
    console.log(`  ${top.map(([n, v]) => `${n} ${v.toFixed(1)}`).join(', ')}`);
    continue;
  }
  const rows = Object.entries(allocators)
    .filter(([n]) => n.split('/').length <= depth && !/\/(bucket_|__)/.test(n))
    .map(([n, a]) => ({ n, size: sizeOf(a), extra: Object.entries(a.attrs ?? {}).filter(([k, v]) => k !== 'size' && v.units === 'bytes' && hexMb(v.value) >= 0.1).map(([k, v]) => `${k} ${hexMb(v.value).toFixed(1)}`).join(', ') }))
    .filter((r) => r.size >= 0.5 || (r.n.split('/').length === 1 && r.size > 0));
  rows.sort((a, b) => a.n.localeCompare(b.n));
  for (const r of rows) console.log(`${r.size.toFixed(1).padStart(8)} MB  ${'  '.repeat(r.n.split('/').length - 1)}${r.n}${r.extra ? `  (${r.extra})` : ''}`);
  try {
    console.log(smapsSummary(readFileSync(`/proc/${e.pid}/smaps`, 'utf8')));
  } catch {
    /* gone */
  }
}

/**
 * The renderer's smaps by kind: files (Chromium's binary, ICU data, fonts), wasm linear
 * memories (the read-write start of a ≥ 8 GB reservation: V8 reserves that much for each
 * wasm32 memory and opens only its current size), executable anonymous memory (JIT code:
 * JS and wasm), and the rest of the anonymous memory (malloc/PartitionAlloc, V8 and Oilpan
 * heaps, ArrayBuffers).
 */
function smapsSummary(smaps: string): string {
  const maps: { start: number; end: number; perms: string; file: string; rss: number }[] = [];
  for (const line of smaps.split('\n')) {
    const m = /^([0-9a-f]+)-([0-9a-f]+) (\S+) \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (m) maps.push({ start: parseInt(m[1]!, 16), end: parseInt(m[2]!, 16), perms: m[3]!, file: m[4]!.replace(/ \(deleted\)$/, ''), rss: 0 });
    const r = /^Rss:\s+(\d+) kB/.exec(line);
    if (r && maps.length) maps[maps.length - 1]!.rss += Number(r[1]) / 1024;
  }
  const kinds = new Map<string, number>();
  const add = (k: string, v: number) => kinds.set(k, (kinds.get(k) ?? 0) + v);
  maps.forEach((m, i) => {
    const next = maps[i + 1];
    // V8 puts each wasm32 memory at the start of a large reservation (its own ≈ 10–12 GB, or
    // the rest of the V8 sandbox) and opens only the memory's current size. Oilpan's and V8's
    // cages look alike but open ≤ a few MB here: only an opening of ≥ 16 MB is called wasm.
    const reserved = next && next.start === m.end && next.perms.startsWith('---') ? (next.end - m.start) / 2 ** 30 : 0;
    const wasm = !m.file && m.perms.startsWith('rw') && reserved >= 4 && m.end - m.start >= 16 * 2 ** 20;
    if (wasm) add(`wasm memory (${((m.end - m.start) / 2 ** 20).toFixed(0)} MB open)`, m.rss);
    else if (m.file) add(m.file.startsWith('/') ? m.file.split('/').pop()! : m.file, m.rss);
    else add(m.perms.includes('x') ? 'anonymous executable (JIT code)' : 'anonymous other', m.rss);
  });
  const total = [...kinds.values()].reduce((a, b) => a + b, 0);
  return `  smaps Rss ${total.toFixed(1)} MB: ${[...kinds].sort((a, b) => b[1] - a[1]).filter(([, v]) => v >= 0.5).map(([k, v]) => `${k} ${v.toFixed(1)}`).join('; ')}`;
}
await browser.close();
await context.close();
server.close();
rmSync(profile, { recursive: true, force: true });
