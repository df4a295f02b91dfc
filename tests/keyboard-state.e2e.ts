import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { V } from '../src/routes/overview-queries';
import { V as SV } from '../src/routes/systems/systems-page';
import { openReady } from './support/browser';
import { settled } from './support/page-reading';

// What a keyboard or screen-reader user is told after acting: where focus goes when the
// button they pressed disappears, and which 「選択」 buttons of 「表で見る」 are pressed.
const base = inject('baseUrl');
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  // One engine start; the other pages are reached through the site's navigation, as a person does.
  ({ context, page } = await openReady(`${base}/cases?sys=S01,S02&pref=14`));
});
afterAll(async () => {
  await context?.close();
});

/** Follows the site navigation's link (no reload: the engine keeps running). */
async function navigate(p: Page, label: string, path: string) {
  await p.getByRole('navigation').getByRole('link', { name: label, exact: true }).click();
  await p.waitForURL((u) => u.pathname === path);
}

/** The focused element, as a person would name it. */
const focused = (p: Page) =>
  p.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    return a ? `${a.tagName.toLowerCase()} ${a.getAttribute('aria-label') ?? a.textContent?.trim() ?? ''}` : '';
  });

/** The 「選択」 buttons of a visual's 「表で見る」, opened by keyboard: each one's aria-pressed. */
async function pressedOf(p: Page, visual: string): Promise<string[]> {
  const details = p.locator(`[data-testid="${visual}"] details`).filter({ has: p.locator('summary', { hasText: '表で見る' }) }).first();
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) {
    await details.locator('summary').focus();
    await p.keyboard.press('Enter');
  }
  await details.locator('table button').first().waitFor();
  return details.locator('table button').evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-pressed') ?? 'none'));
}

describe('keyboard focus and pressed state', () => {
  it('removing a filter by keyboard moves focus to the next filter’s ×, and すべて解除 to the filter bar', async () => {
    await page.getByRole('button', { name: 'システム名のフィルターを解除' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).not.toContain('sys=');
    expect(await focused(page)).toBe('button 都道府県のフィルターを解除');
    await page.getByRole('button', { name: 'すべて解除' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).not.toContain('pref=');
    expect(await focused(page)).toBe('section 適用中のフィルター');
  });

  it('「選択」 buttons are pressed only for what is selected (none while nothing is), on the overview and /systems', async () => {
    await navigate(page, '共同調達の状況', '/');
    const before = await pressedOf(page, V.systems);
    expect(before.length).toBeGreaterThan(5);
    expect(before.every((p) => p === 'false'), before.join(',')).toBe(true);
    const buttons = page.locator(`[data-testid="${V.systems}"] details table button`);
    await buttons.nth(1).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain('ov-systems=');
    await settled(page, V.systems);
    const after = await pressedOf(page, V.systems);
    expect(after.filter((p) => p === 'true').length).toBe(1);
    expect(after[1]).toBe('true');
    // Still on the button pressed, as the page re-renders around it.
    expect(await focused(page)).toMatch(/^button 選択/);

    await navigate(page, 'システム種別ごと', '/systems');
    for (const visual of [SV.environment, SV.years]) {
      const states = await pressedOf(page, visual);
      expect(states.every((p) => p === 'false'), `${visual}: ${states.join(',')}`).toBe(true);
    }
    const prefs = await page.locator(`[data-testid="${SV.prefectures}"] table button`).evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-pressed')));
    expect(prefs.length).toBeGreaterThan(0);
    expect(prefs.every((p) => p === 'false'), prefs.join(',')).toBe(true);
    expect(await page.locator(`[data-testid="${SV.prefectures}"] tr.is-selected`).count()).toBe(0);
  });

  it('Esc that closes the download dialog keeps the selections; Esc on the page clears them', async () => {
    await navigate(page, '共同調達の状況', '/');
    const buttons = page.locator(`[data-testid="${V.prefectures}"] details table button`);
    await pressedOf(page, V.prefectures);
    await buttons.nth(2).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain('ov-prefectures=');
    const selected = page.url();
    const entries = await page.evaluate(() => history.length);

    await page.getByTestId('download-open').click();
    const dialog = page.getByTestId('download-dialog');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    // The address is written after the paint: give a wrongly cleared selection time to show (it did at once).
    await page.waitForTimeout(1500);
    expect(page.url(), 'Esc closed the dialog only').toBe(selected);
    expect(await page.evaluate(() => history.length)).toBe(entries);

    await page.locator('h1').first().click(); // focus on the page, outside any dialog
    await page.keyboard.press('Escape');
    await expect.poll(() => page.url()).not.toContain('ov-prefectures=');
  });
});
