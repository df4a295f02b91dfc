// [N=3] [PATHNAME=/] npx tsx scripts/bench/load-profile.ts [dir]
//
// Main-thread CPU time of a cold page load, by package and by function: samples the page's
// main thread (CDP Profiler, 0.2 ms) from navigation until engine-ready + 1 s, in N fresh
// profiles (service workers blocked), and maps every frame through the build's source maps
// (build with `BUILD_DIR=/tmp/click-sm KIT_OUT=.svelte-kit-sm PRECOMPRESS=0 npx vite build
// --sourcemap`; default dir /tmp/click-sm). "(program)" is the browser's own work outside
// JavaScript (parsing, style, layout, paint, compiling). See docs/performance.md, "Loading:
// main-thread work per page load".
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { LAUNCH } from '../chromium-launch';
import { createSiteHandler } from '../site-server.js';
import { SelfTime, type CpuProfile } from './profile-by-source';

const dir = resolve(process.argv[2] ?? '/tmp/click-sm');
const n = Number(process.env.N ?? 3);
const handler = createSiteHandler(dir, {});
const server = createServer((req, res) => handler(req, res));
const port = await new Promise<number>((r) => server.listen(0, '127.0.0.1', () => r((server.address() as { port: number }).port)));
const self = new SelfTime(dir);
for (let r = 0; r < n; r++) {
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'load-profile-')), {
    ...LAUNCH, viewport: { width: 1280, height: 1000 }, serviceWorkers: 'block'
  });
  const page = context.pages()[0]!;
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.goto(`http://127.0.0.1:${port}${process.env.PATHNAME ?? '/'}`);
  await page.waitForSelector('[data-testid="engine-ready"]', { state: 'attached', timeout: 120000 });
  await page.waitForTimeout(1000);
  self.add(((await cdp.send('Profiler.stop')) as { profile: CpuProfile }).profile);
  await context.close();
}
server.close();
const top = (m: Map<string, number>, k: number) => SelfTime.top(m, k, n, 'ms/load');
// Sampled time, not CPU time: on a loaded machine it includes the time the thread waited for a
// core (for CPU, read /proc/<pid>/task/<tid>/stat around the load).
const notIdle = [...self.byFile].filter(([k]) => k !== '(idle)').reduce((a, [, ms]) => a + ms, 0) / n;
console.log(`main thread not idle ${notIdle.toFixed(0)} ms per load (sampled: waiting for a core counts)`);
console.log(`main-thread self time per load (${n} cold loads), by package/file:\n${top(self.byFile, 30)}\n\nby function:\n${top(self.byFn, 30)}`);
