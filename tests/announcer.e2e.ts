import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { V } from '../src/routes/overview-queries';
import { launch, openPage, openReady } from './support/browser';
import { clickBar, settled, waitForChart } from './support/page-reading';

// SvelteKit's route announcer (#svelte-announcer, aria-live="assertive", outside <main>) reads
// the page's title to a screen reader when the person goes to another page. A filter change
// is no navigation: a click, its address update ≈ 300 ms later, Back/Forward between the
// page's filter states and the correction of an opened link leave it silent (the page's own
// live region, its KPI cards, says what changed). Following a link, or Back to the page
// before, still announces the page reached.
const base = inject('baseUrl');
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  ({ context, page } = await openReady(`${base}/`));
  await waitForChart(page, V.systems);
});
afterAll(async () => {
  await context?.close();
});

const announced = (p: Page) => p.evaluate(() => document.getElementById('svelte-announcer')?.textContent ?? null);
const search = (p: Page) => p.evaluate(() => location.search);
const caseCount = (p: Page) => p.getByTestId('kpi-case-count').textContent();
/** The announcer gets its text a microtask after the router's update: some time for a wrong one to show. */
const aMoment = (p: Page) => p.waitForTimeout(500);

describe('route announcer', () => {
  it('a chart click, its address update, Back and Forward on the same page leave the announcer silent; the KPIs change', async () => {
    const silent = await announced(page);
    expect(silent?.trim()).toBe(''); // mounted, nothing announced yet
    const all = await caseCount(page);

    await clickBar(page, V.systems, '施設予約システム');
    await expect.poll(() => search(page)).toContain('ov-systems=');
    await aMoment(page);
    expect(await announced(page), 'after the address update').toBe(silent);
    await expect.poll(() => caseCount(page)).not.toBe(all);
    const selected = await caseCount(page);

    await page.evaluate(() => history.back());
    await expect.poll(() => search(page)).not.toContain('ov-systems=');
    await expect.poll(() => caseCount(page)).toBe(all);
    await aMoment(page);
    expect(await announced(page), 'after Back').toBe(silent);

    await page.evaluate(() => history.forward());
    await expect.poll(() => search(page)).toContain('ov-systems=');
    await expect.poll(() => caseCount(page)).toBe(selected);
    await aMoment(page);
    expect(await announced(page), 'after Forward').toBe(silent);
  });

  it('a 「選択」 button of 「表で見る」 pressed by keyboard leaves it silent too', async () => {
    const before = await search(page);
    const details = page.locator(`[data-testid="${V.prefectures}"] details`).filter({ has: page.locator('summary', { hasText: '表で見る' }) }).first();
    await details.locator('summary').focus();
    await page.keyboard.press('Enter');
    await details.locator('table button').nth(2).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => search(page)).not.toBe(before);
    expect(await search(page)).toContain('ov-prefectures=');
    await settled(page, V.systems);
    await aMoment(page);
    expect((await announced(page))?.trim()).toBe('');
  });

  it('following a link to another page announces that page’s title, and Back announces the overview’s', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'システム種別ごと', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/systems');
    await expect.poll(() => announced(page)).toContain('システム種別ごとの共同調達状況');
    expect((await announced(page))?.trim()).toBe(await page.title());

    await page.evaluate(() => history.back());
    await expect.poll(() => announced(page)).toContain('共同調達の状況');
    expect((await announced(page))?.trim()).toBe(await page.title());
    expect(await search(page)).toContain('ov-prefectures=');
  });

  it('a link whose address the page corrects (pref=14,,13, → pref=14,13) announces nothing', async () => {
    const ctx = await launch();
    try {
      await ctx.route('**/*.wasm', () => {}); // the address is read without the engine
      const { page: p } = await openPage(ctx, `${base}/cases?pref=14,,13,`);
      await expect.poll(async () => new URLSearchParams(await search(p)).get('pref')).toBe('14,13');
      await aMoment(p);
      expect((await announced(p))?.trim()).toBe('');
    } finally {
      await ctx.close();
    }
  });
});
