import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { NO_CASES } from '../src/routes/no-cases';
import { holdWasm, launch } from './support/browser';
import { expected, observe } from './support/page-figures';
import type { State } from './support/page-oracle';
import { addressUpdated, clickBar, settled, waitForChart } from './support/page-reading';

// A visual with no row under the page's filters says so in words where its chart would be, not
// as empty axes and facet headings (in the 事例一覧's words: these visuals count cases), and only
// once its query has answered (before that it is counting, not empty); its chart comes back with
// rows (filters cleared, a click, Back). No chart is first run on no rows: Vega's 「Infinite
// extent」 warning is never logged. Two page loads.
const base = inject('baseUrl');
let context: BrowserContext;
let page: Page;
const warnings: string[] = [];
/** Lets DuckDB-WASM's .wasm through (held back at first, so the pending state can be looked at). */
let releaseEngine: () => void = () => {};

beforeAll(async () => {
  context = await launch();
  releaseEngine = await holdWasm(context);
  page = await context.newPage();
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'warning') warnings.push(`${page.url()} ${m.text()}`);
  });
});
afterAll(async () => {
  await context?.close();
});

const OVERVIEW = ['ov-systems', 'ov-prefectures', 'ov-years'];
const SYSTEMS = ['sy-env', 'sy-burden', 'sy-subsidy', 'sy-years'];
const message = (id: string) => page.getByTestId(`${id}-empty`);

/** A visual that says it has no data: the message instead of a chart, in its summary and under its empty table. */
async function saysEmpty(id: string) {
  await settled(page, id);
  await expect.poll(() => message(id).textContent()).toBe(NO_CASES);
  expect(await message(id).isVisible()).toBe(true);
  expect(await page.locator(`[data-testid="${id}"] .chart svg`).isVisible()).toBe(false);
  expect(await page.getByTestId(`${id}-summary`).textContent()).toContain(NO_CASES);
  // Nothing to move over by keyboard: the marks' group is out of the tab order.
  expect(await page.getByTestId(`${id}-keys`).getAttribute('tabindex')).toBe('-1');
  const details = page.locator(`[data-testid="${id}"] details`).first();
  await details.locator('summary').click();
  await details.locator('table').waitFor();
  expect(await details.locator('tbody tr').count()).toBe(0);
  expect(await details.textContent()).toContain(NO_CASES);
  await details.locator('summary').click();
}

/** A visual drawn again: its chart with marks, guides that name a finite domain, no message. */
async function drawn(id: string) {
  await waitForChart(page, id);
  await settled(page, id);
  expect(await page.locator(`[data-testid="${id}"] .chart`).isVisible()).toBe(true);
  expect(await page.locator(`[data-testid="${id}"] svg [role="graphics-symbol"]`).count()).toBeGreaterThan(0);
  const labels = await page.locator(`[data-testid="${id}"] svg [aria-label]`).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  expect(labels.filter((l) => /Infinity|∞/.test(l ?? ''))).toEqual([]);
  expect(await message(id).count()).toBe(0);
  expect(await page.getByTestId(`${id}-summary`).textContent()).not.toContain(NO_CASES);
}

/** What the page's tables show equals the independent oracle (plain SQL on native DuckDB). */
async function figuresMatch(path: string, state: State) {
  await expect.poll(async () => (await observe(page, path)).tables).toEqual((await expected(path, state)).tables);
}

describe('a visual with no rows says so, and draws again when rows come back', () => {
  it('/?year=2030..2040: counting while the engine loads, then each chart says it has no data (0 rows, as DuckDB counts)', async () => {
    await page.goto(`${base}/?year=2030..2040`);
    try {
      // The engine is held back: nothing is answered, so nothing may be said to be empty.
      for (const id of OVERVIEW) {
        await expect.poll(() => page.getByTestId(`${id}-summary`).textContent()).toContain('集計中');
        expect(await page.getByTestId(id).getAttribute('aria-busy')).toBe('true');
        expect(await message(id).count()).toBe(0);
      }
    } finally {
      releaseEngine();
    }
    const state: State = { year: { min: 2030, max: 2040 } };
    const oracle = await expected('/', state);
    for (const id of OVERVIEW) expect(oracle.tables[id], id).toEqual({});
    for (const id of OVERVIEW) await saysEmpty(id);
    await figuresMatch('/', state);
  });

  it('clearing the filters draws every chart again (build-time figures), a click still cross-filters, Back says empty again', async () => {
    await page.getByRole('button', { name: 'すべて解除' }).click();
    for (const id of OVERVIEW) await drawn(id);
    await figuresMatch('/', {});
    await addressUpdated(page);
    await clickBar(page, 'ov-prefectures', '神奈川県');
    await figuresMatch('/', { 'ov-prefectures': ['14'] });
    await addressUpdated(page);
    await page.goBack(); // before the click
    await figuresMatch('/', {});
    await page.goBack(); // before clearing
    for (const id of OVERVIEW) await saysEmpty(id);
    await figuresMatch('/', { year: { min: 2030, max: 2040 } });
  });

  it('/systems?sys=S04&pref=14: every donut and the years histogram say they have no data; clearing and Back', async () => {
    await page.goto(`${base}/systems?sys=S04&pref=14`);
    const state: State = { sys: ['S04'], pref: ['14'] };
    const oracle = await expected('/systems', state);
    for (const id of SYSTEMS) expect(oracle.tables[id], id).toEqual({});
    for (const id of SYSTEMS) await saysEmpty(id);
    await figuresMatch('/systems', state);
    await page.getByRole('button', { name: 'すべて解除' }).click();
    for (const id of SYSTEMS) await drawn(id);
    await figuresMatch('/systems', {});
    await addressUpdated(page);
    await page.goBack();
    for (const id of SYSTEMS) await saysEmpty(id);
  });

  it('logged no 「Infinite extent」 warning on / and /systems (their default views included)', async () => {
    // Forward to /systems' default view once more: its charts drawn afresh after an empty state.
    await page.goForward();
    for (const id of SYSTEMS) await drawn(id);
    expect(warnings.filter((w) => /Infinite extent/.test(w))).toEqual([]);
  });
});
