import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { isRange, type State } from './page-oracle';

/**
 * Moving through filter states inside an open dashboard page, as a person does: following a
 * link (SvelteKit navigates client-side), going Back, pressing a 「選択」 button. Each step
 * reports the history length before it; what the page then shows is the caller's to check
 * (tests/random-states.e2e.ts, against its oracle).
 */

/** The test's own URL writing: one parameter per source, values comma-separated, encoded once by URLSearchParams. */
export function query(s: State): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(s)) p.set(k, isRange(v) ? `${v.min ?? ''}..${v.max ?? ''}` : v.join(','));
  return p.toString();
}

/** The state an address holds, in the test's own terms (`a..b` is a range, else a list). */
export function stateOfAddress(search: string): State {
  const s: State = {};
  for (const [k, v] of new URLSearchParams(search)) {
    if (k === 'asof') continue;
    if (v.includes('..')) {
      const [a, b] = v.split('..');
      s[k] = { min: a ? Number(a) : null, max: b ? Number(b) : null };
    } else s[k] = v.split(',');
  }
  return s;
}

/** The previous check may leave the (modal) download dialog open: the page behind it is inert until it closes. */
export async function closeDownloadDialog(page: Page): Promise<void> {
  const dialog = page.getByTestId('download-dialog');
  if (await dialog.isVisible()) {
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  }
}

/**
 * Chromium keeps at most 50 entries of session history (`kMaxSessionHistoryEntries`): past that,
 * a new entry drops the oldest and `history.length` stays 50. A long walk (`npm run test:states`,
 * 75 links per tab) reaches it.
 */
export const MAX_HISTORY = 50;

/** `history.length` after one new entry, from `before` (less the `forward` entries it replaces after a Back). */
export const afterNewEntry = (before: number, forward = 0): number => Math.min(MAX_HISTORY, before + 1 - forward);

/**
 * Follows a link to `url` inside the open page, or goes Back (to `url`'s state), and waits
 * until the address holds it (parameters in any order), or `lands` where the page corrects
 * it (values it refuses). Checks the document was not reloaded. Returns where it came from
 * and the history length before.
 */
export async function navigate(page: Page, url: string, how: 'link' | 'back', lands = url): Promise<{ from: string; before: number }> {
  const from = page.url();
  await closeDownloadDialog(page);
  const before = await page.evaluate(() => history.length);
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
  if (how === 'back') await page.goBack({ waitUntil: 'commit' });
  else await clickLink(page, url);
  const sorted = (u: URL) => `${u.pathname}?${[...u.searchParams].filter(([k]) => k !== 'asof').sort().join('&')}`;
  await expect.poll(async () => sorted(new URL(await page.evaluate(() => location.href))), { message: url }).toBe(sorted(new URL(lands)));
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument), 'navigated client-side, not reloaded').toBe(true);
  return { from, before };
}

/** Clicks a link to `href` placed in the page, as a link of the site would be clicked (SvelteKit routes it). */
export async function clickLink(page: Page, href: string): Promise<void> {
  await page.evaluate((h) => {
    const a = Object.assign(document.createElement('a'), { href: h });
    document.body.append(a);
    a.click();
    a.remove();
  }, href);
}

/** The visuals of each page whose 「表で見る」 (or own table) has 「選択」 buttons. */
const CLICKABLE: Record<string, string[]> = {
  '/': ['ov-systems', 'ov-prefectures', 'ov-years'],
  '/systems': ['sy-env', 'sy-burden', 'sy-subsidy', 'sy-years', 'sy-prefs'],
  '/participation': ['pa-tiles', 'pa-map'],
  '/prefectures': ['pf-matrix'],
  '/cases': []
};

/**
 * Presses one 「選択」 button of a random visual of the page (by keyboard, as in 表で見る) and
 * waits until the address changes. Returns the state it then holds, where it came from and
 * the history length before; null if the page offers nothing to press.
 */
export async function pressSomething(page: Page, path: string, rnd: () => number): Promise<{ state: State; from: string; before: number } | null> {
  const visuals = CLICKABLE[path] ?? [];
  if (!visuals.length) return null;
  await closeDownloadDialog(page);
  const visual = page.getByTestId(visuals[Math.floor(rnd() * visuals.length)]!);
  if (!(await visual.count()) || !(await visual.isVisible())) return null;
  const details = visual.locator('details').filter({ has: page.locator('summary', { hasText: '表で見る' }) }).first();
  if ((await details.count()) && !(await details.evaluate((d) => (d as HTMLDetailsElement).open))) {
    await details.locator('summary').focus();
    await page.keyboard.press('Enter');
  }
  const buttons = visual.locator('table button[aria-pressed]');
  const n = await buttons.count();
  if (!n) return null;
  const from = page.url();
  const before = await page.evaluate(() => ({ length: history.length, search: location.search }));
  await buttons.nth(Math.floor(rnd() * n)).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => location.search), { message: `${from}: a press changes the address` }).not.toBe(before.search);
  return { state: stateOfAddress(await page.evaluate(() => location.search)), from, before: before.length };
}
