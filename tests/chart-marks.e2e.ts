import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { mulberry32 } from '../scripts/data/prng';
import { V } from '../src/routes/overview-queries';
import { openReady, waitForEngine } from './support/browser';
import { addressUpdated, settled, waitForChart } from './support/page-reading';
import { navigate } from './support/state-walk';

// The charts are updated in place (src/lib/charts/table-sync.ts: only the values a click
// changed, rows added or dropped at the end) instead of being handed a new data set. This
// checks, in Chromium, that after seeded random clicks, Ctrl-clicks and Esc on the overview
// every chart draws exactly what a reference page at the same address draws once its charts are
// embedded anew from their rows: the same marks with the same ARIA labels, shapes, positions
// and fading, and the same axes (their ARIA label names the scale's range, e.g. 「values from
// 0 to 30」, which Vega recomputes only when asked: src/lib/charts/guide-aria.ts).
// The reference is a second tab that follows a link to the same address inside the dashboard
// (no second engine start per round) and then has every chart embedded anew (`redrawn`).
const base = inject('baseUrl');
const VISUALS = [V.systems, V.prefectures, V.years];
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  ({ context, page } = await openReady(`${base}/`));
  for (const v of VISUALS) await waitForChart(page, v);
});
afterAll(async () => {
  await context?.close();
});

/**
 * Every mark and axis of a visual's chart as drawn in the SVG: their ARIA labels in reading
 * (document) order (an axis's names its scale's values, e.g. 「X-axis … with values from 0 to
 * 30」), then every one's attributes, sorted.
 */
async function marksOf(p: Page, visual: string): Promise<string[]> {
  const [order, marks] = await p.$$eval(`[data-testid="${visual}"] .chart svg [role="graphics-symbol"]`, (els) => [
    els.map((e) => e.getAttribute('aria-label') ?? ''),
    els.map(
      (e) =>
        ['aria-label', 'd', 'transform', 'opacity', 'fill', 'fill-opacity', 'stroke', 'stroke-width'].map((a) => `${a}=${e.getAttribute(a)}`).join(' ') +
        (e.tagName === 'text' ? ` text=${e.textContent}` : '')
    )
  ]);
  return [...order, ...marks.sort()];
}

/** Waits until no visual has a query in flight and Vega has drawn (two frames). */
async function quiet(p: Page) {
  for (const v of VISUALS) await settled(p, v);
  await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

async function clickSomeBar(p: Page, visual: string, pick: number, ctrl: boolean) {
  await p.locator(`[data-testid="${visual}"]`).scrollIntoViewIfNeeded();
  const bars = await p.$$eval(`[data-testid="${visual}"] .chart svg path[role="graphics-symbol"]`, (ps) =>
    ps.map((e) => e.getBoundingClientRect()).filter((r) => r.width >= 3 && r.height >= 3).map((r) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 }))
  );
  const at = bars[Math.floor(pick * bars.length)];
  if (!at) return;
  if (ctrl) await p.keyboard.down('Control');
  await p.mouse.click(at.x, at.y);
  if (ctrl) await p.keyboard.up('Control');
}

/**
 * Has every chart embedded anew and handed its rows whole (a width of another 40 px bucket is
 * another spec), then back at the original width: what a chart draws from its rows afresh.
 */
async function redrawn(p: Page) {
  const size = p.viewportSize()!;
  for (const width of [size.width - 200, size.width]) {
    await p.setViewportSize({ width, height: size.height });
    await p.waitForTimeout(500);
    for (const v of VISUALS) await waitForChart(p, v);
    await quiet(p);
  }
}

describe('charts updated in place draw what charts embedded anew from their rows draw', () => {
  it('after seeded random clicks, Ctrl-clicks and Esc on the overview', async () => {
    // Seeded: the same clicks on every run.
    const rnd = mulberry32(20261128).next;
    const reference = await context.newPage();
    await reference.goto(`${base}/`);
    await waitForEngine(reference);
    for (let round = 0; round < 4; round++) {
      // A tab behind another of its window gets about one frame a second: the one in use comes to the front.
      await page.bringToFront();
      for (let step = 0; step < 4; step++) {
        const r = rnd();
        if (r < 0.1) await page.keyboard.press('Escape');
        else await clickSomeBar(page, VISUALS[Math.floor(rnd() * VISUALS.length)]!, rnd(), r > 0.45);
        await quiet(page);
      }
      // The address once the last click has reached it (pushed when the page is idle).
      const url = await addressUpdated(page);
      await reference.bringToFront();
      await navigate(reference, url, 'link');
      for (const v of VISUALS) await waitForChart(reference, v);
      await quiet(reference);
      await redrawn(reference);
      for (const v of VISUALS) expect(await marksOf(page, v), `${v} at ${url}`).toEqual(await marksOf(reference, v));
    }
  });
});
