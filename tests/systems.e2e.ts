import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { systemClause } from '../src/routes/systems/default-system';
import { FIELD, kpiQuery, prefectureCasesQuery, V } from '../src/routes/systems/systems-queries';
import { countQuery } from '../src/routes/cases/case-queries';
import { YEAR_TITLE } from '../src/routes/systems/systems-charts';
import { openReady, launch, openPage, waitForEngine, type Recorder } from './support/browser';
import { direct, plain, str } from './support/oracle';
import { clickBar, tableOf, waitForChart } from './support/page-reading';

const base = inject('baseUrl');
let context: BrowserContext;
let page: Page;
let rec: Recorder;

const kpis = async (p: Page) =>
  Promise.all(['kpi-case-count', 'kpi-prefecture-count', 'kpi-municipality-count'].map((id) => p.getByTestId(id).textContent()));
const expectedKpis = async (filters: Parameters<typeof kpiQuery>[0]) => {
  const [k] = await direct(kpiQuery(filters));
  return [`${k!.case_count}件`, `${k!.prefecture_count}都道府県`, `${Number(k!.municipality_count).toLocaleString('ja-JP')}団体`];
};
/** The prefecture table's rows: 都道府県名 / 参加自治体数 (全自治体数) / コメント. */
const prefTable = (p: Page) =>
  p.$$eval(`[data-testid="${V.prefectures}"] tbody tr`, (trs) =>
    trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => (td.textContent ?? '').trim()).slice(0, 3))
  );
const S01 = systemClause('S01');

beforeAll(async () => {
  ({ context, page, rec } = await openReady(`${base}/systems`));
  await waitForChart(page, V.environment);
  await waitForChart(page, V.years);
});
afterAll(async () => {
  await context?.close();
});

describe('システム種別ごとの共同調達状況 in Chromium', () => {
  it('shows the published figures of 自治体情報セキュリティクラウド by default', async () => {
    expect(await page.getByTestId('system-name').textContent()).toBe('自治体情報セキュリティクラウド');
    expect((await kpis(page)).slice(0, 2)).toEqual(['47件', '44都道府県']);
    const share = async (id: string) => Object.fromEntries((await tableOf(page, id)).map((r) => [r[0], r[2]]));
    expect(await share(V.environment)).toMatchObject({ オンプレミス開発: '17%', クラウドサービス: '83%' });
    expect(await share(V.burden)).toMatchObject({ あり: '51%', なし: '45%' });
    expect(await share(V.subsidy)).toMatchObject({ あり: '83%', なし: '13%' });
    // The rest of each donut is the non-answers, shown as their own slices.
    expect(Object.keys(await share(V.subsidy)).some((k) => ['不明', '未回答・回答対象外', '非掲載希望'].includes(k))).toBe(true);
    const names = await page.locator(`[data-testid="${V.subsidyNames}"] li`).allTextContents();
    expect(names.map((n) => n.replace(/\s*\d+件$/, '')).sort()).toEqual(
      ['デジタル基盤改革支援補助金', 'デジタル基盤改革支援補助金（次期自治体情報セキュリティクラウド移行事業）', '地方公共団体情報セキュリティ強化対策費補助金'].sort()
    );
    const rows = await prefTable(page);
    expect(rows.slice(0, 8).map((r) => `${r[0]} ${r[1]}`)).toEqual([
      '北海道 179 (179)', '青森県 40 (40)', '岩手県 33 (33)', '宮城県 35 (35)', '秋田県 25 (25)', '山形県 35 (35)', '福島県 59 (59)', '茨城県 44 (44)'
    ]);
    expect(rows[0]![2]).toContain('北海道内自治体の完全なインターネット利用');
    expect(await kpis(page)).toEqual(await expectedKpis([S01]));
  });

  it('at survey scale the prefecture table is one page: every case of the system, no pager (as published)', async () => {
    // The independent oracle: every case of the default system, in the table's order.
    const all = await plain(
      `SELECT p.prefecture_name FROM cases c JOIN prefecture p USING (prefecture_code) WHERE c.system_id = ${str('S01')} ORDER BY c.prefecture_code, c.case_id`
    );
    expect((await prefTable(page)).map((r) => r[0])).toEqual(all.map((r) => r.prefecture_name));
    expect((await direct(countQuery([S01])))[0]?.case_count).toBe(all.length);
    expect(await page.getByTestId(`${V.prefectures}-summary`).textContent()).toContain(`${all.length}事例`);
    expect(await page.getByTestId('sy-prefs-pager').count()).toBe(0);
  });

  it('the 導入時期 histogram has the published bars 3 11 1 3 20 8', async () => {
    const years = await tableOf(page, V.years);
    expect(years.map((r) => r[1])).toEqual(['3', '11', '1', '3', '20', '8']);
  });

  it('a donut click cross-filters the others (not itself) to what a direct query gives; Esc clears', async () => {
    await clickBar(page, V.environment, 'オンプレミス開発');
    const env = { source: V.environment, field: FIELD.environment, predicate: { kind: 'in' as const, values: ['オンプレミス開発'] } };
    await expect.poll(() => kpis(page)).toEqual(await expectedKpis([S01, env]));
    const expected = (await direct(prefectureCasesQuery([S01, env]))).map((r) => r.prefecture_name);
    await expect.poll(async () => (await prefTable(page)).map((r) => r[0])).toEqual(expected);
    expect((await tableOf(page, V.environment)).length).toBeGreaterThanOrEqual(2);
    await expect.poll(() => page.url()).toContain('sy-env=');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('kpi-case-count').textContent()).toBe('47件');
  });

  it('brushing the histogram filters by a year range (an interval param under the interpreter)', async () => {
    const bar = (y: number) => page.locator(`[data-testid="${V.years}"] svg path[role="graphics-symbol"][aria-label*="${YEAR_TITLE}: ${y} –"]`).first();
    // Mouse coordinates are viewport coordinates: bring the chart into view first.
    await bar(2017).scrollIntoViewIfNeeded();
    const a = (await bar(2016).boundingBox())!;
    const b = (await bar(2017).boundingBox())!;
    await page.mouse.move(a.x + 2, a.y + a.height - 2);
    await page.mouse.down();
    await page.mouse.move(b.x + b.width - 2, b.y + b.height - 2, { steps: 8 });
    await page.mouse.up();
    await expect.poll(() => new URL(page.url()).searchParams.get(V.years), { timeout: 5000 }).toBe('2016..2017');
    const clause = { source: V.years, field: FIELD.years, predicate: { kind: 'range' as const, min: 2016, max: 2017 } };
    await expect.poll(() => kpis(page)).toEqual(await expectedKpis([S01, clause]));
    expect(await page.getByTestId('kpi-case-count').textContent()).toBe('14件');
    await expect.poll(() => page.getByTestId('filter-bar').textContent()).toContain('2016年〜2017年');
  });

  it('a copied URL reproduces the view in a fresh browser context', async () => {
    const url = page.url();
    const other = await launch();
    try {
      const { page: p2 } = await openPage(other, url);
      await waitForEngine(p2);
      await expect.poll(() => kpis(p2), { timeout: 15000 }).toEqual(await kpis(page));
      await expect.poll(() => prefTable(p2), { timeout: 15000 }).toEqual(await prefTable(page));
    } finally {
      await other.close();
    }
    await page.getByRole('button', { name: 'すべて解除' }).click();
    await expect.poll(() => page.getByTestId('kpi-case-count').textContent()).toBe('47件');
  });

  it('the system slicer switches to 施設予約システム: 18 / 18 and its two subsidies', async () => {
    await page.getByLabel('システム名').selectOption({ label: '施設予約システム' });
    await expect.poll(() => kpis(page)).toEqual(await expectedKpis([systemClause('S08')]));
    expect((await kpis(page)).slice(0, 2)).toEqual(['18件', '18都道府県']);
    await expect
      .poll(() => page.locator(`[data-testid="${V.subsidyNames}"] li`).allTextContents())
      .toEqual(['デジタル田園都市国家構想交付金Type 1 1件', '新型コロナウイルス感染症対応地方創生臨時交付金 1件']);
    const expected = (await direct(prefectureCasesQuery([systemClause('S08')]))).map((r) => `${r.prefecture_name} ${r.participant_count} (${r.municipality_count})`);
    await expect.poll(async () => (await prefTable(page)).map((r) => `${r[0]} ${r[1]}`)).toEqual(expected);
    expect(expected.slice(0, 3)).toEqual(['山形県 35 (35)', '茨城県 20 (44)', '千葉県 13 (54)']);
  });

  it('selects by keyboard: a prefecture row, then a year from 「表で見る」', async () => {
    const row = page.getByRole('button', { name: '茨城県で絞り込む' });
    await row.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('kpi-municipality-count').textContent()).toBe('20団体');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('kpi-case-count').textContent()).toBe('18件');
    await page.locator(`[data-testid="${V.years}"] details summary`).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: '2021年で絞り込む' }).focus();
    await page.keyboard.press('Space');
    const clause = { source: V.years, field: FIELD.years, predicate: { kind: 'range' as const, min: 2021, max: 2021 } };
    await expect.poll(() => kpis(page)).toEqual(await expectedKpis([systemClause('S08'), clause]));
  });

  it('logged no console errors, no CSP violations and no request off its own origin', () => {
    expect(rec.consoleErrors).toEqual([]);
    expect(rec.cspViolations).toEqual([]);
    expect(rec.offOrigin).toEqual([]);
  });
});
