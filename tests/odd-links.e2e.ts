import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launch } from './support/browser';

// Links people make or mangle by hand keep working and are explained, never silently cut:
// a parameter given twice (what an HTML form writes), a trailing comma, a second range, an
// as-of date that is no date. One page, no engine needed (the address is read on hydration).
const base = inject('baseUrl');
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  context = await launch();
  page = await context.newPage();
});
afterAll(async () => {
  await context?.close();
});

const chips = (p: Page) => p.getByTestId('filter-chip').allTextContents();

/** Opens a link and waits until the page has read it (its filter bar names a filter). */
async function open(path: string, firstChip: RegExp) {
  await page.goto(`${base}${path}`);
  await expect.poll(() => chips(page)).toContainEqual(expect.stringMatching(firstChip));
}

describe('odd links', () => {
  it('sys=S08&sys=S02 means both systems, written back as sys=S08,S02, with no notice', async () => {
    await open('/cases?sys=S08&sys=S02', /^システム名:/);
    expect((await chips(page)).join()).toMatch(/、/); // two systems in one chip
    await expect.poll(() => new URL(page.url()).searchParams.get('sys')).toBe('S08,S02');
    expect(await page.getByTestId('url-notice').count()).toBe(0);
  });

  it('a trailing comma or ,, adds nothing and raises no notice', async () => {
    await open('/cases?pref=14,,13,', /^都道府県:/);
    expect((await chips(page)).join()).toMatch(/神奈川県.*東京都|東京都.*神奈川県/);
    expect(await page.getByTestId('url-notice').count()).toBe(0);
  });

  it('a second 導入時期 range is named in the notice; the first applies', async () => {
    await open('/cases?year=2015..2020&year=2001..2002', /^導入時期:/);
    expect((await chips(page)).join()).toMatch(/2015.*2020/);
    await expect.poll(() => page.getByTestId('url-notice').textContent()).toMatch(/year=2001\.\.2002.*1つだけ/s);
  });

  it('asof: another date is written as dates are on the site; a value that is no date is not echoed', async () => {
    await open('/cases?asof=2023-04-01&pref=14', /^都道府県:/);
    await expect.poll(() => page.getByTestId('as-of-mismatch').textContent()).toContain('このリンクは2023年4月1日時点のデータで作成されました');
    await open(`/cases?asof=${'%3Cb%3E'.repeat(50)}&pref=13`, /^都道府県:/);
    const text = (await page.getByTestId('as-of-mismatch').textContent()) ?? '';
    expect(text).toContain('日付として読めない');
    expect(text).not.toContain('<b>');
  });
});
