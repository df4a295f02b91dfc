import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { openPage, openReady } from './support/browser';
import { plain } from './support/oracle';
import { addressUpdated } from './support/page-reading';

// Found by a review as a keyboard-only and phone user: an empty 事例一覧 said nothing, Esc
// did not close a slicer's panel, the current page's tab sat off-screen at 390 px, and a
// table wider than the phone could not be scrolled without a mouse.
const base = inject('baseUrl');
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  ({ context, page } = await openReady(`${base}/cases?year=2030..2040`));
});
afterAll(async () => {
  await context?.close();
});

const empty = (p: Page) => p.locator('[data-testid="case-table-empty"]');

describe('事例一覧 with no matching case', () => {
  it('says so in the table, and stops saying so once cases match again', async () => {
    const none = await plain('SELECT count(*) AS n FROM cases WHERE start_year BETWEEN 2030 AND 2040');
    expect(none[0]!.n).toBe(0);
    await expect.poll(() => empty(page).isVisible()).toBe(true);
    expect(await empty(page).textContent()).toContain('条件に合う事例はありません');
    expect(await page.locator('[data-testid="case-table"] tbody tr[data-case-id]').count()).toBe(0);
    await page.getByRole('button', { name: '導入時期のフィルターを解除' }).click();
    const all = Number((await plain('SELECT count(*) AS n FROM cases'))[0]!.n);
    await expect.poll(() => page.locator('[data-testid="case-table"] tbody tr[data-case-id]').count()).toBe(all);
    expect(await empty(page).count()).toBe(0);
    // The address follows (written when the page is next idle: addressUpdated).
    expect(new URL(await addressUpdated(page)).searchParams.get('year')).toBeNull();
  });
});

describe('a slicer panel and Esc', () => {
  it('Esc in an open panel closes it, puts focus on its summary and changes no filter', async () => {
    const url = await addressUpdated(page);
    const slicer = page.locator('[data-testid="slicer-system"] details');
    await slicer.locator('summary').focus();
    await page.keyboard.press('Enter');
    expect(await slicer.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await slicer.locator('input[type="checkbox"]').first().focus();
    await page.keyboard.press('Escape');
    expect(await slicer.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
    expect(await addressUpdated(page)).toBe(url);
  });
});

describe('a phone-sized screen (390 × 844)', () => {
  it('shows the current page’s tab in the scrolled tab bar, without scrolling the page', async () => {
    for (const [path, label] of [['/console', 'SQLコンソール'], ['/own-data', '自分のデータで見る']] as const) {
      const { page: p } = await openPage(context, `${base}${path}`);
      await p.setViewportSize({ width: 390, height: 844 });
      await p.reload();
      const tab = p.getByRole('navigation', { name: 'ページ' }).getByRole('link', { name: label, exact: true });
      await expect.poll(() => tab.getAttribute('aria-current')).toBe('page');
      const inView = () =>
        tab.evaluate((a) => {
          const bar = a.closest('nav')!.getBoundingClientRect();
          const r = a.getBoundingClientRect();
          return r.left >= bar.left && r.right <= bar.right;
        });
      await expect.poll(inView).toBe(true);
      expect(await p.evaluate(() => scrollY)).toBe(0);
      await p.close();
    }
  });

  it('reaches the wide table of 共同調達とは with Tab and scrolls it with the arrow keys', async () => {
    const { page: p } = await openPage(context, `${base}/about`);
    await p.setViewportSize({ width: 390, height: 844 });
    const region = p.locator('[data-testid="about-compare"]');
    expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await p.keyboard.press('Tab');
      reached = await region.evaluate((el) => document.activeElement === el);
    }
    expect(reached).toBe(true);
    for (let i = 0; i < 5; i++) await p.keyboard.press('ArrowRight');
    await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    await p.close();
  });
});
