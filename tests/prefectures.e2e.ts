import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { casesQuery, countQuery, FIELD, systemTotalsQuery, V } from '../src/routes/prefectures/prefectures-queries';
import { openReady, launch, openPage, waitForEngine, type Recorder } from './support/browser';
import { direct, plain, str } from './support/oracle';

const base = inject('baseUrl');
let context: BrowserContext;
let page: Page;
let rec: Recorder;

const M = '[data-testid="pf-matrix"]';
/** Matrix rows: system name, 都道府県数, then one ●/- per prefecture column. */
const matrix = (p: Page) =>
  p.$$eval(`${M} tbody tr`, (trs) =>
    trs.map((tr) => [
      tr.querySelector('th.sys')!.textContent!.trim(),
      tr.querySelector('td.num')!.textContent!.trim(),
      ...Array.from(tr.querySelectorAll('td.cell span[aria-hidden]'), (s) => s.textContent!)
    ])
  );
const columnNames = (p: Page) => p.$$eval(`${M} thead th.pref button`, (bs) => bs.map((b) => b.textContent!.trim()));
const caseIds = (p: Page) => p.$$eval('[data-testid="pf-cases"] tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-case')));
const PUBLISHED_FIRST_17: Record<string, string[]> = {
  電子契約システム: ['東京都', '新潟県', '富山県'],
  入札関連・電子調達システム: ['群馬県', '埼玉県', '千葉県', '東京都', '神奈川県', '富山県'],
  施設予約システム: ['山形県', '茨城県', '千葉県', '神奈川県', '石川県'],
  ビジネスチャットツール: ['秋田県', '茨城県', '群馬県', '埼玉県', '千葉県', '東京都', '神奈川県', '新潟県', '富山県', '石川県'],
  校務支援システム: []
};

beforeAll(async () => {
  ({ context, page, rec } = await openReady(`${base}/prefectures`));
});
afterAll(async () => {
  await context?.close();
});

describe('都道府県ごとの共同調達状況 in Chromium', () => {
  it('shows the matrix with all 47 columns, the published ● and each system’s 都道府県数', async () => {
    const cols = await columnNames(page);
    expect(cols.length).toBe(47);
    const rows = await matrix(page);
    expect(rows.length).toBe(22);
    const totals = await direct(systemTotalsQuery([]));
    for (const r of rows) expect(r.length).toBe(49);
    const byName: Record<string, string[]> = Object.fromEntries(rows.map((r) => [r[0], r]));
    expect(byName['自治体情報セキュリティクラウド']![1]).toBe('44');
    expect(byName['電子申請・納付システム']![1]).toBe('38');
    expect(byName['自治体情報セキュリティクラウド']!.slice(2, 19).every((c) => c === '●')).toBe(true);
    for (const [name, prefs] of Object.entries(PUBLISHED_FIRST_17)) {
      const on = byName[name]!.slice(2, 19).flatMap((c, i) => (c === '●' ? [cols[i]] : []));
      expect([name, on]).toEqual([name, prefs]);
    }
    // Every row's 都道府県数 equals a direct query and the number of its ●.
    const live = await page.$$eval(`${M} tbody tr`, (trs) => trs.map((tr) => [tr.getAttribute('data-system'), tr.querySelector('td.num')!.textContent!.trim()]));
    for (const [id, n] of live) expect([id, n]).toEqual([id, String(totals.find((t) => t.system_id === id)?.prefecture_count ?? 0)]);
    for (const r of rows) expect(r.slice(2).filter((c) => c === '●').length).toBe(Number(r[1]));
  });

  it('the prefecture slicer turns the matrix into that prefecture’s list of cases, with detail links', async () => {
    await page.locator('#prefecture-select').selectOption({ label: '神奈川県' });
    const expected = await direct(casesQuery([{ source: 'pref', field: 'cases.prefecture_code', predicate: { kind: 'in', values: ['14'] } }]));
    await expect.poll(() => caseIds(page)).toEqual(expected.map((r) => r.case_id));
    expect(await columnNames(page)).toEqual(['神奈川県']);
    expect(await page.locator('#pf-cases-title').textContent()).toBe('神奈川県の共同調達の事例');
    const link = page.locator('[data-testid="pf-cases"] tbody a', { hasText: 'e-kanagawa施設予約システム' });
    expect(await link.getAttribute('href')).toMatch(/\/cases\/C\d+$/);
  });

  it('at survey scale a prefecture’s list is one page: all its cases, counted by case_count, no pager', async () => {
    const all = await plain(`SELECT case_id FROM cases WHERE prefecture_code = ${str('14')} ORDER BY case_id`);
    expect([...(await caseIds(page))].sort()).toEqual(all.map((r) => r.case_id));
    const [n] = await direct(countQuery([{ source: 'pref', field: 'cases.prefecture_code', predicate: { kind: 'in', values: ['14'] } }]));
    expect(n?.case_count).toBe(all.length);
    expect(await page.getByTestId('pf-cases-count').textContent()).toBe(`${all.length}件の事例`);
    expect(await page.getByTestId('pf-cases-pager').count()).toBe(0);
  });

  it('a copied URL reproduces the view in a fresh browser context', async () => {
    // The address follows a selection once it has been painted (an idle callback).
    await expect.poll(() => new URL(page.url()).searchParams.get('pref')).toBe('14');
    const url = page.url();
    expect(new URL(url).searchParams.get('pref')).toBe('14');
    const other = await launch();
    try {
      const { page: p2 } = await openPage(other, url);
      await waitForEngine(p2);
      await expect.poll(() => caseIds(p2), { timeout: 15000 }).toEqual(await caseIds(page));
      expect(await columnNames(p2)).toEqual(['神奈川県']);
    } finally {
      await other.close();
    }
    await page.getByRole('button', { name: 'すべて解除' }).click();
    await expect.poll(() => columnNames(page).then((c) => c.length)).toBe(47);
  });

  it('clicking a system row cross-filters the case list (not the matrix); Ctrl-click on a prefecture narrows it', async () => {
    await page.getByRole('button', { name: '施設予約システムで絞り込む' }).click();
    const sys = { source: V.systems, field: FIELD.systems, predicate: { kind: 'in' as const, values: ['S08'] } };
    const expected = await direct(casesQuery([sys]));
    expect(expected.length).toBe(18);
    await expect.poll(() => caseIds(page)).toEqual(expected.map((r) => r.case_id));
    expect((await matrix(page)).length).toBe(22);
    expect(await page.locator(`${M} tr[data-system="S01"]`).getAttribute('class')).toContain('faded');
    await page.getByRole('button', { name: '奈良県で絞り込む' }).click({ modifiers: ['Control'] });
    const pref = { source: V.prefectures, field: FIELD.prefectures, predicate: { kind: 'in' as const, values: ['29'] } };
    const both = await direct(casesQuery([sys, pref]));
    await expect.poll(() => caseIds(page)).toEqual(both.map((r) => r.case_id));
    expect(both.length).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('[data-testid="pf-cases"]').count()).toBe(0);
  });

  it('is keyboard operable: Tab to a system header, Enter selects, Space clears', async () => {
    const button = page.getByRole('button', { name: '森林情報システムで絞り込む' });
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => caseIds(page).then((c) => c.length)).toBe(5);
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('[data-testid="pf-cases"]').count()).toBe(0);
  });

  it('logged no console errors, no CSP violations and no request off its own origin', () => {
    expect(rec.consoleErrors).toEqual([]);
    expect(rec.cspViolations).toEqual([]);
    expect(rec.offOrigin).toEqual([]);
  });
});
