import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { V } from '../src/routes/overview-queries';
import { launch, openPage, waitForEngine } from './support/browser';
import { waitForChart } from './support/page-reading';

// The figures of issue 8, measured the way `npm run bench` measures them (the same in-page
// instrumentation, scripts/bench/in-page.js), to catch gross regressions only: bounds are
// loose because CI machines are slow and shared. The honest numbers come from the bench
// (docs/performance.md). This file's numbers land in test-results/performance.json.
const base = inject('baseUrl');
const INSTRUMENT = new URL('../scripts/bench/in-page.js', import.meta.url).pathname;
let context: BrowserContext;
let page: Page;
const result: Record<string, number> = {};

interface Click {
  totalMs: number;
  queries: { sent: number; answered: number }[];
  why?: { pressed: boolean; sawWork: boolean; framed: boolean; busy: string[] };
}
type Bench = { __bench: { arm: (sel: string, quiet: number, timeout: number) => Promise<Click>; allDrawnAt: () => number } };

beforeAll(async () => {
  context = await launch();
  await context.addInitScript({ path: INSTRUMENT });
  ({ page } = await openPage(context, `${base}/`));
});
afterAll(async () => {
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/performance.json', JSON.stringify(result, null, 2));
  console.log('performance', result);
  await context?.close();
});

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(p * xs.length) - 1)]!;

describe('performance (cold load, cross-filter latency timed inside the page)', () => {
  it('paints the prerendered figures long before the engine is ready, and draws every visual after it', async () => {
    await waitForEngine(page);
    await page.waitForFunction(() => (window as unknown as Bench).__bench.allDrawnAt() >= 0, null, { timeout: 30000 });
    const t = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1,
      ready: performance.getEntriesByName('engine-ready')[0]?.startTime ?? -1,
      drawn: (window as unknown as Bench).__bench.allDrawnAt()
    }));
    result.firstFiguresMs = Math.round(t.fcp);
    result.engineReadyMs = Math.round(t.ready);
    result.allVisualsDrawnMs = Math.round(t.drawn);
    expect(t.fcp).toBeGreaterThan(0);
    expect(t.fcp).toBeLessThan(5000);
    expect(t.ready).toBeGreaterThan(t.fcp);
    expect(t.ready).toBeLessThan(60000);
    expect(t.drawn).toBeGreaterThanOrEqual(t.ready);
  });

  // Read again before each click: a selection adds the filter bar above the charts and moves them.
  const bars = async () => {
    await page.locator(`[data-testid="${V.systems}"]`).scrollIntoViewIfNeeded();
    return page.$$eval(`[data-testid="${V.systems}"] svg path[role="graphics-symbol"]`, (ps) =>
      ps.map((p) => p.getBoundingClientRect()).filter((r) => r.width >= 3 && r.height >= 3).map((r) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 }))
    );
  };
  let missed = 0;
  /** Clicks bar i (with Ctrl: adds it to the selection) and times it in the page. */
  const clickBar = async (i: number, additive = false): Promise<Click> => {
    const once = async () => {
      const at = (await bars())[i]!;
      const answered = page.evaluate((sel) => (window as unknown as Bench).__bench.arm(sel, 300, 15000), `[data-testid="${V.systems}"]`);
      await page.waitForTimeout(20);
      if (additive) await page.keyboard.down('Control');
      await page.mouse.click(at.x, at.y);
      if (additive) await page.keyboard.up('Control');
      return answered;
    };
    const c = await once();
    // A click that never reached the page, or changed nothing anywhere, did not land on the
    // bar (seen once in a while on a loaded machine): it is not a latency sample; click again.
    // A click that landed and was not answered in 15 s stays a failure.
    if (c.totalMs < 0 && c.why && (!c.why.pressed || !c.why.sawWork)) {
      missed++;
      return once();
    }
    return c;
  };

  it('answers 20 one-click states (one bar after another) from the build-time figures, without a worker round trip', async () => {
    await waitForChart(page, V.systems);
    // The one-click figures load after the page (idle); the engine is ready by now.
    await page.waitForFunction(() => performance.getEntriesByName('click-figures').length > 0, null, { timeout: 30000 });
    expect((await bars()).length).toBeGreaterThanOrEqual(21);
    const clicks: Click[] = [];
    for (let i = 0; i < 20; i++) clicks.push(await clickBar(i));
    const totals = clicks.map((c) => c.totalMs);
    // Every click was answered (a timed-out one reports -1 and why), none by the worker.
    expect(clicks.filter((c) => c.totalMs < 0)).toEqual([]);
    expect(clicks.map((c) => c.queries.length)).toEqual(clicks.map(() => 0));
    result.crossFilterMedianMs = Math.round(pct(totals, 0.5));
    result.crossFilterP95Ms = Math.round(pct(totals, 0.95));
    expect(result.crossFilterP95Ms).toBeLessThan(1500);
  });

  it('answers 20 multi-bar states (Ctrl-click adding one bar after another) through the engine', async () => {
    await page.keyboard.press('Escape');
    await clickBar(0);
    const clicks: Click[] = [];
    for (let i = 1; i <= 20; i++) clicks.push(await clickBar(i, true));
    result.clicksThatDidNotLand = missed;
    const totals = clicks.map((c) => c.totalMs);
    expect(clicks.filter((c) => c.totalMs < 0)).toEqual([]);
    // Never among the build-time figures: each state's queries ran in the worker.
    for (const c of clicks) expect(c.queries.length).toBeGreaterThan(0);
    result.engineCrossFilterMedianMs = Math.round(pct(totals, 0.5));
    result.engineCrossFilterP95Ms = Math.round(pct(totals, 0.95));
    result.pressToFirstQueryMedianMs = Math.round(pct(clicks.map((c) => c.queries[0]!.sent), 0.5));
    result.queriesPerClick = clicks[0]!.queries.length;
    expect(result.engineCrossFilterP95Ms).toBeLessThan(1500);
  });
});
