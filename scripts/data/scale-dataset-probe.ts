/**
 * Load probe for scaled datasets (docs/performance.md "Scale"): cold visits of the overview,
 * interleaved across sites, each with a fresh profile; prints engine-ready (the page's own
 * mark), the renderer's resident memory 1.5 s after it (and the peak seen while loading,
 * polled every 0.5 s), whether parquet-wasm was fetched, and the engine's stage marks.
 *
 *   npx tsx scripts/data/scale-dataset-probe.ts <siteDir,siteDir2,…> <name,name2,…> <runs> <timeoutSeconds>
 *
 * A site over another dataset: a built site (hard-linked copy) with its data/*.parquet
 * replaced, or a DATA_DIR build. ALLCONSOLE=1 also prints console warnings.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { LAUNCH } from '../chromium-launch';
import { createSiteHandler } from '../site-server.js';
import { rendererRssMb } from '../bench/process-memory';
const [dirs, names, runsS, toS] = process.argv.slice(2);
const sites = dirs!.split(',');
const nm = names!.split(',');
const res: Record<string, { ready: number; rss: number; peak: number; marks: string }[]> = {};
for (let r = 0; r < Number(runsS); r++) for (const [i, dir] of sites.entries()) {
  const h = createSiteHandler(dir, { gzipOnTheFly: true });
  const server = createServer((q, s) => h(q, s));
  const port = await new Promise<number>((ok) => server.listen(0, '127.0.0.1', () => ok((server.address() as any).port)));
  const prof = mkdtempSync(join(tmpdir(), 'probe-prof-'));
  const ctx = await chromium.launchPersistentContext(prof, { ...LAUNCH, viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  const errs: string[] = [];
  page.on('console', (m) => {
    if (m.type() !== 'error' && !process.env.ALLCONSOLE) return;
    errs.push(m.type() + ': ' + m.text());
    if (process.env.PROGRESS) console.log(`    console ${m.type()}: ${m.text().slice(0, 500)}`);
  });
  page.on('crash', () => errs.push('PAGE CRASHED'));
  ctx.on('weberror', (e) => errs.push('weberror ' + e.error().message));
  page.on('pageerror', (e) => errs.push(e.message));
  let pw = 0;
  ctx.on('request', (q) => q.url().includes('parquet_wasm') && pw++);
  let peak = 0;
  const poll = setInterval(() => (peak = Math.max(peak, rendererRssMb(prof))), 500);
  // PROGRESS=1: every 5 s the last engine stage mark reached and the renderer's memory (a crash loses the page's marks).
  const started = Date.now();
  const progress = process.env.PROGRESS
    ? setInterval(() => {
        const at = `${((Date.now() - started) / 1000).toFixed(0)} s, rss ${rendererRssMb(prof)} MB (peak ${peak})`;
        page
          .evaluate(() => {
            const mark = performance.getEntriesByType('mark').filter((m) => m.name.startsWith('engine')).map((m) => `${m.name.replace('engine:', '')}@${Math.round(m.startTime)}`).slice(-1)[0] ?? 'no mark yet';
            const status = document.querySelector('[role=alert]')?.textContent ?? document.querySelector('[role=status]')?.textContent ?? '';
            return `${mark} | ${status.replace(/\s+/g, ' ').trim().slice(0, 200)}`;
          })
          .then((m) => console.log(`    ${at}: ${m}`), (e: unknown) => console.log(`    ${at}: ${String(e).slice(0, 120)}`));
      }, 5000)
    : undefined;
  await page.goto(`http://127.0.0.1:${port}/`);
  let ready = -1;
  try {
    await page.waitForFunction(() => performance.getEntriesByName('engine-ready').length > 0, null, { timeout: Number(toS) * 1000, polling: 250 });
    ready = await page.evaluate(() => Math.round(performance.getEntriesByName('engine-ready')[0]!.startTime));
  } catch (e) { errs.push(String(e).slice(0, 200)); }
  await page.waitForTimeout(1500);
  // CLICK=1: after engine-ready, a two-bar selection of the overview's systems chart (a state no
  // build-time figure holds, so DuckDB-WASM answers it): prints the time until the case-count KPI
  // changes, the KPI and the selection (check it against a direct query).
  if (process.env.CLICK && ready >= 0) {
    const kpi = () => page.getByTestId('kpi-case-count').textContent();
    const bars = page.locator('[data-testid="ov-systems"] svg path[role="graphics-symbol"]');
    // The first click's state may be answered by the build's one-click figures (a swapped site's are stale): time the second.
    await bars.nth(0).click();
    await page.waitForTimeout(1000);
    const shown = await kpi();
    const t0 = Date.now();
    await bars.nth(1).click({ modifiers: ['Control'] });
    try {
      await page.waitForFunction((was) => { const t = document.querySelector('[data-testid="kpi-case-count"]')?.textContent; return !!t && t !== was && /\d/.test(t); }, shown, { timeout: Number(toS) * 1000, polling: 100 });
      console.log(`    click: KPI ${shown} → ${await kpi()} after ${Date.now() - t0} ms (from the Ctrl-click), ov-systems=${new URL(page.url()).searchParams.get('ov-systems')}`);
    } catch (e) { errs.push('click: ' + String(e).slice(0, 200)); }
  }
  if (ready < 0) errs.push('STATUS: ' + (await page.evaluate(() => document.querySelector('[role=status], [role=alert], .engine-status')?.textContent ?? document.body.innerText.slice(0, 300)).catch((e) => String(e))));
  const rss = rendererRssMb(prof);
  clearInterval(poll);
  clearInterval(progress);
  const marks = await page.evaluate(() => performance.getEntriesByType('mark').filter((m) => m.name.startsWith('engine')).map((m) => `${m.name.replace('engine:', '')}@${Math.round(m.startTime)}`).join(' ')).catch(() => '');
  (res[nm[i]!] ??= []).push({ ready, rss, peak, marks });
  console.log(nm[i], 'run', r, 'ready', ready, 'rss', rss, 'peak', peak, 'parquet-wasm requests', pw, errs.length ? 'ERRORS ' + errs.filter((e) => !e.includes('Infinite extent')).join(' | ').slice(0, 3000) : '');
  console.log('   ', marks);
  await ctx.close();
  server.close();
  rmSync(prof, { recursive: true, force: true });
}
const med = (a: number[]) => { const s = [...a].sort((x, y) => x - y); return s[Math.floor((s.length - 1) / 2)]!; };
for (const [k, v] of Object.entries(res)) console.log(`${k}: ready median ${med(v.map((x) => x.ready))} (${Math.min(...v.map((x) => x.ready))}–${Math.max(...v.map((x) => x.ready))}) ms; rss median ${med(v.map((x) => x.rss))} (${Math.min(...v.map((x) => x.rss))}–${Math.max(...v.map((x) => x.rss))}) MB; peak ${Math.max(...v.map((x) => x.peak))}`);
