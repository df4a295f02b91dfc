import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launch, openPage, waitForEngine, type Recorder } from './support/browser';
import { download } from './support/downloads';
import { plain, str } from './support/oracle';
import { caseIds, effective, valueNames } from './support/page-oracle';
import { clickLink } from './support/state-walk';
import { filterChips } from './support/page-reading';

/**
 * A municipality in the address (`muni`, 参加市区町村) reads as its name on every dashboard
 * page — in the filter bar, the download dialog and the file's `filters` metadata alike — and
 * never as its code; a well-formed code the data lacks is refused with the URL notice. One
 * tab: the first page opens cold (the name is looked up once the engine is ready), the others
 * are reached by links inside the dashboard, as people move between pages. Also: the download
 * dialog's formats are one radio group (arrow keys move and choose).
 */
const base = inject('baseUrl');
const PAGES = ['/', '/cases', '/systems', '/participation', '/prefectures'];
const CODE = '131016';
/** Well-formed (6 digits) but in no municipality table. */
const UNKNOWN = '999999';
let context: BrowserContext;
let page: Page;
let rec: Recorder;
let name: string;

const chips = () => filterChips(page);
/** The bar once no name is still being looked up. */
const settledBar = async () => {
  await expect.poll(() => page.getByTestId('filter-bar').getAttribute('aria-busy'), { timeout: 30000 }).toBe('false');
  return chips();
};
const search = async () => new URLSearchParams(await page.evaluate(() => location.search));

/**
 * Follows a link inside the open page (client-side navigation, engine kept) to another page,
 * and waits until that page is on screen (its title: the bar of the page before may read the same).
 */
async function follow(path: string, query: string) {
  if (await page.getByTestId('download-dialog').isVisible()) await page.keyboard.press('Escape');
  const title = await page.title();
  await clickLink(page, `${base}${path}?${query}`);
  await expect.poll(() => page.evaluate(() => location.pathname)).toBe(new URL(`${base}${path}`).pathname);
  await expect.poll(() => page.title()).not.toBe(title);
}

beforeAll(async () => {
  context = await launch();
  ({ page, rec } = await openPage(context, `${base}/?muni=${CODE}`));
  await waitForEngine(page);
  // The oracle's name for the code (plain SQL over the served Parquet), not the app's.
  name = (await valueNames('muni', [CODE]))[0]!;
  expect(name).toBe('千代田区');
});
afterAll(async () => {
  await context?.close();
});

describe('the overview opened first', () => {
  it('says each year of its 導入時期 summary for screen readers with 年 (2021年 41件, not 2021 41件)', async () => {
    const summary = page.getByTestId('ov-years-summary');
    await expect.poll(() => summary.textContent(), { timeout: 30000 }).toMatch(/多い順に\d{4}年 \d+件/);
    expect(await summary.textContent()).not.toMatch(/\d{4} \d+件/);
  });
});

describe('a municipality in the address, on every dashboard page', () => {
  it.each(PAGES)('%s: named in the bar, the dialog and the metadata, never as its code; the download holds its cases', async (path) => {
    if (path !== '/') await follow(path, `muni=${CODE}`);
    await expect.poll(chips, { timeout: 30000 }).toContain(`参加市区町村: ${name}`);
    const bar = (await settledBar()).join(' / ');
    expect(bar).not.toContain(CODE);
    expect(await page.getByTestId('url-notice').count()).toBe(0);

    const file = await download(page, '事例', 'Parquet');
    const dialog = (await page.getByTestId('download-filters').textContent())?.trim();
    expect(dialog).toBe(bar);
    const [meta] = await plain(`SELECT decode(value) AS v FROM parquet_kv_metadata(${str(file.path)}) WHERE decode(key) = 'filters'`);
    expect(meta?.v).toBe(dialog);
    expect(file.name).toContain(name);
    expect(file.name).not.toContain(CODE);
    const ids = (await plain(`SELECT case_id FROM read_parquet(${str(file.path)}) ORDER BY case_id`)).map((r) => String(r.case_id));
    expect(ids).toEqual(await caseIds(effective(path, { muni: [CODE] })));
  });

  it.each(PAGES)('%s: a code the data lacks is refused with the notice (no chip, gone from the address, no history entry)', async (path) => {
    const before = await page.evaluate(() => history.length);
    await follow(path, `muni=${UNKNOWN}`);
    const notice = page.getByTestId('url-notice');
    await expect.poll(() => notice.textContent(), { timeout: 30000 }).toContain(`muni=${UNKNOWN}`);
    expect(await notice.textContent()).toContain('参加市区町村にこの値はありません');
    expect((await settledBar()).some((t) => t.startsWith('参加市区町村'))).toBe(false);
    await expect.poll(async () => (await search()).has('muni')).toBe(false);
    expect(await page.evaluate(() => history.length), 'the link one entry, the refusal none').toBe(before + 1);
  });

  it('keeps the known code of a list and refuses only the unknown one', async () => {
    await follow('/cases', `muni=${UNKNOWN},${CODE}`);
    await expect.poll(() => page.getByTestId('url-notice').textContent(), { timeout: 30000 }).toContain(`muni=${UNKNOWN}`);
    expect(await settledBar()).toContain(`参加市区町村: ${name}`);
    await expect.poll(async () => (await search()).get('muni')).toBe(CODE);
  });
});

describe('the download dialog', () => {
  it('offers the formats as one radio group: arrow keys move between them and choose', async () => {
    await page.getByTestId('download-open').click();
    const radios = page.getByTestId('download-dialog').getByRole('radio');
    expect(await radios.count()).toBe(3);
    const names = await radios.evaluateAll((rs) => rs.map((r) => (r as HTMLInputElement).name));
    expect(new Set(names).size).toBe(1);
    expect(names[0]).not.toBe('');
    const parquet = page.getByRole('radio', { name: /^Parquet/ });
    await parquet.check();
    await parquet.focus();
    const focused = () => page.evaluate(() => ({ value: (document.activeElement as HTMLInputElement).value, checked: (document.activeElement as HTMLInputElement).checked }));
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toEqual({ value: 'utf8-bom', checked: true });
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toEqual({ value: 'shift_jis', checked: true });
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toEqual({ value: 'utf8-bom', checked: true });
    expect(await parquet.isChecked()).toBe(false);
    // The names the console's 「結果を保存」 uses too (src/lib/export/format-label.ts); the date as the header says it.
    expect(await page.getByRole('radio', { name: /^CSV UTF-8（BOM付き）/ }).isChecked()).toBe(true);
    expect(await page.getByTestId('download-dialog').textContent()).toContain('2024年1月31日時点のデータ');
    await page.keyboard.press('Escape');
  });

  it('logged no console errors', () => {
    expect(rec.consoleErrors).toEqual([]);
    expect(rec.offOrigin).toEqual([]);
  });
});
