// Does a second visit reuse Chromium's compiled-wasm cache for DuckDB's engine?
//   npx tsx scripts/bench/wasm-cache-trace.ts [--build build] [--runs 3]
// Visits the site twice with one profile; the second visit is traced (CDP Tracing) and the
// trace's `v8.wasm.*` events are counted: `v8.wasm.moduleCacheHit` means the compiled code
// came from the cache; `v8.wasm.compiledModule` with no hit means it was compiled again.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { CHROMIUM, FLAGS } from '../../tests/support/browser';
import { createSiteHandler } from '../site-server.js';

const argv = process.argv.slice(2);
const opt = (name: string, dflt: string) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1]! : dflt);
const dir = resolve(opt('build', 'build'));
const runs = Number(opt('runs', '3'));
const settleMs = Number(opt('settle', '8000'));
// e.g. --js-flags=--wasm-caching-threshold=1000 to see whether caching can happen at all.
const jsFlags = argv.find((a) => a.startsWith('--js-flags='));

const server = createServer(createSiteHandler(dir));
const port = await new Promise<number>((r) => server.listen(0, '127.0.0.1', () => r((server.address() as { port: number }).port)));
const url = `http://localhost:${port}/`;

async function visit(profile: string, trace: boolean) {
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: jsFlags ? [...FLAGS, jsFlags] : FLAGS, headless: true });
  const page: Page = context.pages()[0] ?? (await context.newPage());
  let cdp: CDPSession | null = null;
  const events: { name: string; args?: unknown }[] = [];
  const logs: string[] = [];
  page.on('console', (m) => logs.push(`${m.type()}: ${m.text().slice(0, 120)}`));
  if (trace) {
    cdp = await context.newCDPSession(page);
    cdp.on('Tracing.dataCollected', (e: { value: { name: string; cat: string; args?: unknown }[] }) => {
      for (const ev of e.value) if (ev.name?.startsWith('v8.wasm')) events.push({ name: ev.name, args: ev.args });
    });
    await cdp.send('Tracing.start', {
      transferMode: 'ReportEvents',
      traceConfig: { includedCategories: ['v8.wasm', 'disabled-by-default-v8.wasm.detailed', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8'] }
    });
  }
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('engine-ready').length > 0, null, { timeout: 120000 });
  const ready = await page.evaluate(() => performance.getEntriesByName('engine-ready')[0]!.startTime);
  // V8 caches only top-tier code, written a few seconds after compilation settles.
  await page.waitForTimeout(settleMs);
  if (cdp) {
    const done = new Promise<void>((r) => cdp!.once('Tracing.tracingComplete', () => r()));
    await cdp.send('Tracing.end');
    await done;
  }
  await context.close();
  return { ready, events, logs };
}

for (let r = 0; r < runs; r++) {
  const profile = mkdtempSync(join(tmpdir(), 'wasm-trace-'));
  const first = await visit(profile, true);
  const second = await visit(profile, true);
  const count = (n: string) => second.events.filter((e) => e.name === n).length;
  const names = [...new Set(second.events.map((e) => e.name))].map((n) => `${n}×${count(n)}`).join(', ');
  const summary = (ev: { name: string }[]) => [...new Set(ev.map((e) => e.name))].map((n) => `${n}×${ev.filter((e) => e.name === n).length}`).join(', ');
  console.log(`first visit events: ${summary(first.events)}`);
  if (argv.includes("--args")) for (const e of [...first.events, ...second.events]) if (e.name !== "v8.wasm.compileConsume") console.log(e.name, JSON.stringify(e.args));
  if (argv.includes('--logs')) console.log(first.logs.join('\n'));
  console.log(`run ${r + 1}: first visit engine-ready ${first.ready.toFixed(0)} ms; second ${second.ready.toFixed(0)} ms; moduleCacheHit ${count('v8.wasm.moduleCacheHit')}; events: ${names || '(none)'}`);
  rmSync(profile, { recursive: true, force: true });
}
server.close();
