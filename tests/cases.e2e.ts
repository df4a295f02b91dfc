import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { countQuery, listQuery } from '../src/routes/cases/case-queries';
import { SLICERS } from '../src/routes/filter-registry';
import { DuckDBInstance } from '@duckdb/node-api';
import { literal } from '../src/lib/sql/quote';
import { download } from './support/downloads';
import { openReady, launch, openPage, waitForEngine, type Recorder } from './support/browser';
import { direct } from './support/oracle';

const base = inject('baseUrl');
let context: BrowserContext;
let page: Page;
let rec: Recorder;

const ids = (p: Page) => p.$$eval('[data-testid="case-table"] tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-case-id')));
const inClause = (s: { source: string; field: string }, values: string[]) => ({ source: s.source, field: s.field, predicate: { kind: 'in' as const, values } });

beforeAll(async () => {
  ({ context, page, rec } = await openReady(`${base}/cases`));
});
afterAll(async () => {
  await context?.close();
});

describe('事例一覧 and 事例詳細 in Chromium', () => {
  it('lists all 245 cases with the published columns', async () => {
    expect(await page.getByTestId('kpi-case-count').textContent()).toBe('245件');
    expect((await ids(page)).length).toBe(245);
    const headers = await page.$$eval('[data-testid="case-table"] thead th', (ths) => ths.map((t) => t.textContent?.trim()));
    for (const h of ['システム分類', 'システム名', '都道府県名', 'サービス名', '導入時期', '参加自治体数', '人口', '職員数', '初期費用規模', '年間運用費用規模', '国の補助金', '都道府県の負担', '費用按分の基準', '事業者選定方法'])
      expect(headers.some((t) => t?.startsWith(h))).toBe(true);
  });

  it('prerenders every case in a table whose column widths are declared, drawing off-screen cells on demand', async () => {
    // Every case is in the HTML itself (visitors without JavaScript, find in page, screen readers).
    const html = await (await fetch(`${base}/cases`)).text();
    expect(html.match(/<tr data-case-id="/g)?.length).toBe(245);
    // The layout does not measure cells: fixed table layout, one declared width per column.
    const layout = await page.$eval('[data-testid="case-table"]', (t) => ({
      tableLayout: getComputedStyle(t).tableLayout,
      cols: [...t.querySelectorAll('colgroup col')].map((c) => (c as HTMLElement).style.width),
      headers: t.querySelectorAll('thead th').length,
      lazyCells: [...t.querySelectorAll('tbody td > div')].map((d) => getComputedStyle(d).contentVisibility)
    }));
    expect(layout.tableLayout).toBe('fixed');
    expect(layout.cols.length).toBe(layout.headers);
    for (const w of layout.cols) expect(w).toMatch(/^\d+(\.\d+)?em$/);
    expect(layout.lazyCells.length).toBe(245 * (layout.headers - 1));
    expect(new Set(layout.lazyCells)).toEqual(new Set(['auto']));
    // The last row, scrolled to, is drawn with its text and its link is reachable.
    const last = page.locator('[data-testid="case-table"] tbody tr:last-child');
    await last.scrollIntoViewIfNeeded();
    const [cell] = await last.locator('td a').evaluateAll((as) => as.map((a) => ({ text: a.textContent ?? '', height: a.getBoundingClientRect().height })));
    expect(cell!.text.length).toBeGreaterThan(0);
    expect(cell!.height).toBeGreaterThan(0);
    await page.locator('[data-testid="case-table"] thead').scrollIntoViewIfNeeded();
  });

  it('the システム名 and 都道府県 slicers filter the list to what a direct query gives', async () => {
    await page.getByText('システム名:').click();
    await page.getByRole('checkbox', { name: '施設予約システム' }).check();
    const expected = (await direct(listQuery([inClause(SLICERS.system, ['S08'])]))).map((r) => r.case_id);
    expect(expected.length).toBe(18);
    await expect.poll(() => ids(page)).toEqual(expected);
    await page.getByLabel('都道府県', { exact: true }).fill('神奈川');
    await page.keyboard.press('Enter');
    const both = [inClause(SLICERS.system, ['S08']), inClause(SLICERS.prefecture, ['14'])];
    const expected2 = (await direct(listQuery(both))).map((r) => r.case_id);
    await expect.poll(() => ids(page)).toEqual(expected2);
    const [count] = await direct(countQuery(both));
    await expect.poll(() => page.getByTestId('kpi-case-count').textContent()).toBe(`${count?.case_count}件`);
    await expect.poll(() => page.url()).toContain('sys=S08');
    await expect.poll(() => page.url()).toContain('pref=14');
    await expect.poll(() => page.url()).toContain('asof=2024-01-31');
  });

  it('back and forward restore earlier filters', async () => {
    await page.goBack(); // before the 都道府県 filter
    await expect.poll(() => ids(page).then((r) => r.length)).toBe(18);
    await page.goForward();
    await expect.poll(() => ids(page).then((r) => r.length)).toBe(1);
  });

  it('shows the published row of e-kanagawa施設予約システム verbatim', async () => {
    const cells = await page.$$eval('[data-testid="case-table"] tbody tr:first-child td', (tds) => tds.map((t) => t.textContent?.trim()));
    expect(cells.slice(1, 15)).toEqual([
      '事業部門', '施設予約システム', '神奈川県', 'e-kanagawa施設予約システム', '2015年4月', '11', '88万人', '11.6千人', '0', '3千万-5千万', 'なし', 'なし', '人口割,均等割', '随意契約（プロポーザル方式[企画競争]）'
    ]);
  });

  it('drills through to the selected case and back to the same filtered list', async () => {
    const filteredUrl = page.url();
    const id = (await ids(page))[0]!;
    await page.locator(`tr[data-case-id="${id}"] input[type="radio"]`).check();
    await page.getByTestId('open-detail').click();
    await page.waitForURL(new RegExp(`/cases/${id}`));
    expect(await page.getByTestId('detail-title').textContent()).toBe('e-kanagawa施設予約システム');
    expect(await page.getByTestId('provenance-badge').textContent()).toBe('公開資料');
    expect(await page.locator('[data-field="contact"] dd').textContent()).toContain('045-210-3325');
    await page.getByTestId('back-to-list').click();
    await page.waitForURL(filteredUrl);
    await expect.poll(() => ids(page)).toEqual([id]);
  });

  it('on a case detail page, 「データをダウンロード」 exports that one case', async () => {
    await page.goto(`${base}/cases/C0102`);
    const { path } = await download(page, '事例', 'Parquet');
    const rows = await (await (await DuckDBInstance.create(':memory:')).connect()).runAndReadAll(`SELECT case_id FROM read_parquet(${literal(path)})`);
    expect(rows.getRowObjectsJS()).toEqual([{ case_id: 'C0102' }]);
    await page.goBack();
    await page.waitForSelector('[data-testid="case-table"]');
  });

  it('a copied URL reproduces the filtered list in a fresh browser', async () => {
    const url = page.url();
    const other = await launch();
    try {
      const { page: p2 } = await openPage(other, url);
      await waitForEngine(p2);
      await expect.poll(() => ids(p2)).toEqual(await ids(page));
      expect(await p2.getByTestId('filter-bar').textContent()).toContain('神奈川県');
    } finally {
      await other.close();
    }
  });

  it('logged no console errors, no CSP violations and no request off its own origin', () => {
    expect(rec.consoleErrors).toEqual([]);
    expect(rec.cspViolations).toEqual([]);
    expect(rec.offOrigin).toEqual([]);
  });
});
