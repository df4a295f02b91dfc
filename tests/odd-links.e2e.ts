import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launch } from './support/browser';
import { navigate } from './support/state-walk';

// Links people make or mangle by hand keep working and are explained, never silently cut:
// a parameter given twice (what an HTML form writes), a trailing comma, a second range, an
// as-of date that is no date. One page, no engine needed (the address is read on hydration).
const base = inject('baseUrl');
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  context = await launch();
  // The address is read without the engine: holding its wasm back spares a DuckDB start per link.
  await context.route('**/*.wasm', () => {});
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
  // One link with every oddity at once (one page load), then one with an asof that is no date.
  it('sys=S08&sys=S02 is both systems; pref=14,,13, adds nothing; a second range is named in the notice; asof is a date', async () => {
    await open('/cases?sys=S08&pref=14,,13,&year=2015..2020&sys=S02&year=2001..2002&asof=2023-04-01', /^システム名:/);
    const shown = (await chips(page)).join('|');
    expect(shown).toMatch(/システム名: [^|]+、[^|]+/); // two systems in one chip
    expect(shown).toMatch(/都道府県: [^|]*(神奈川県、東京都|東京都、神奈川県)/);
    expect(shown).toMatch(/導入時期: [^|]*2015[^|]*2020/);
    await expect.poll(() => new URL(page.url()).searchParams.get('sys')).toBe('S08,S02');
    expect(new URL(page.url()).searchParams.get('pref')).toBe('14,13');
    // The only thing refused is the second range: no notice about empty values or the second sys.
    const notice = (await page.getByTestId('url-notice').innerText()).trim();
    expect(notice).toMatch(/year=2001\.\.2002.*1つだけ/s);
    expect(notice).not.toMatch(/sys=|pref=/);
    expect(await page.getByTestId('as-of-mismatch').textContent()).toContain('このリンクは2023年4月1日時点のデータで作成されました');
  });

  it('an asof that is no date is said to be ignored and never echoed; a year the data lacks shows in the slicer', async () => {
    await open(`/cases?asof=${'%3Cb%3E'.repeat(50)}&pref=13&year=1990..2001`, /^都道府県:/);
    const text = (await page.getByTestId('as-of-mismatch').textContent()) ?? '';
    expect(text).toContain('日付として読めない');
    expect(text).not.toContain('<b>');
    // No case started in 1990 or 2001, yet the link's range is valid: the slicer shows it as the filter bar does.
    expect((await chips(page)).join('|')).toContain('導入時期: 1990年〜2001年');
    const shown = (id: string) => page.getByTestId(id).evaluate((s) => (s as HTMLSelectElement).selectedOptions[0]?.textContent ?? '');
    expect([await shown('slicer-year-min'), await shown('slicer-year-max')]).toEqual(['1990年', '2001年']);
  });

  it('a link to the page already open, with other parameters, is read as the new state (no reload)', async () => {
    await open('/cases?pref=13&year=2015..2020', /^都道府県:/);
    // navigate: the address holds the link's parameters and the document was not reloaded.
    await navigate(page, `${base}/cases?pref=14`, 'link');
    await expect.poll(() => chips(page)).toEqual([expect.stringMatching(/^都道府県: 神奈川県/)]);
    await navigate(page, `${base}/cases`, 'link');
    await expect.poll(() => chips(page)).toEqual([]);
    expect(await page.getByTestId('filter-bar').textContent()).toContain('なし（全件）');
  });
});
