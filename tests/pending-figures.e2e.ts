import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launch } from './support/browser';

// A view the build-time figures do not answer waits for the engine. Until it answers, the page
// must say the figures are being counted — never state an empty answer as a fact (「該当する補助金は
// ありません」, 「0事例」, every prefecture 「0団体が参加。共同調達の回答なし」). DuckDB-WASM's .wasm
// is held back at the network, so the pending state lasts as long as the test looks at it.
const base = inject('baseUrl');
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  context = await launch();
  await context.route('**/*.wasm', () => {}); // never answered: the engine cannot start
  page = await context.newPage();
});
afterAll(async () => {
  await context?.close();
});

/** Opens a page and waits until its script has read the address (the filter bar names the system). */
async function open(path: string, system: string) {
  await page.goto(`${base}${path}`);
  await expect.poll(() => page.getByTestId('filter-chip').allTextContents()).toContainEqual(expect.stringContaining(system));
}

const text = (testid: string) => page.getByTestId(testid).innerText();

describe('figures not yet counted are said to be pending, not empty', () => {
  it('/systems?sys=S08: no 「該当する補助金はありません」, no 「0事例」, no empty summaries', async () => {
    await open('/systems?sys=S08', '施設予約システム');
    await expect.poll(() => text('sy-subsidy-names')).toContain('集計中');
    expect(await text('sy-subsidy-names')).not.toContain('ありません');
    const summaries = await page.locator('[data-testid$="-summary"]').allTextContents();
    expect(summaries.join('|')).toContain('集計中');
    expect(summaries.join('|')).not.toMatch(/。。|^0事例|\|0事例/);
  });

  it('/participation?sys=S02: tiles say 集計中 instead of 0 団体 / 回答なし', async () => {
    await open('/participation?sys=S02', '電子契約システム');
    await expect.poll(() => text('pa-tiles-summary')).toContain('集計中');
    const tiles = await page.locator('[data-testid="pa-tiles"] button.tile').allInnerTexts();
    expect(tiles.length).toBe(47);
    expect(tiles.every((t) => !/回答なし|\n0\n/.test(t)), tiles.slice(0, 3).join(' / ')).toBe(true);
  });
});
