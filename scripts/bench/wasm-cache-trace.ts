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

const server = createServer(createSiteHandler(dir));
const port = await new Promise<number>((r) => server.listen(0, '127.0.0.1', () => r((server.address() as { port: number }).port)));
const url = `http://localhost:${port}/`;

async function visit(profile: string, trace: boolean) {
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: FLAGS, headless: true });
  const page: Page = context.pages()[0] ?? (await context.newPage());
  let cdp: CDPSession | null = null;
  const events: { name: string; args?: unknown }[] = [];
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
  if (cdp) {
    const done = new Promise<void>((r) => cdp!.once('Tracing.tracingComplete', () => r()));
    await cdp.send('Tracing.end');
    await done;
  } else {
    // V8 caches only top-tier code, written a few seconds after compilation settles.
    await page.waitForTimeout(6000);
  }
  await context.close();
  return { ready, events };
}

for (let r = 0; r < runs; r++) {
  const profile = mkdtempSync(join(tmpdir(), 'wasm-trace-'));
  const first = await visit(profile, false);
  const second = await visit(profile, true);
  const count = (n: string) => second.events.filter((e) => e.name === n).length;
  const names = [...new Set(second.events.map((e) => e.name))].map((n) => `${n}×${count(n)}`).join(', ');
  console.log(`run ${r + 1}: first visit engine-ready ${first.ready.toFixed(0)} ms; second ${second.ready.toFixed(0)} ms; moduleCacheHit ${count('v8.wasm.moduleCacheHit')}; events: ${names || '(none)'}`);
  rmSync(profile, { recursive: true, force: true });
}
server.close();
