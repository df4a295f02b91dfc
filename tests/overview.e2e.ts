import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { SYSTEM_COUNTS } from '../scripts/data/generator/published-facts';
import { DIVISIONS } from '../model/kyodo-model';
import { prefecturesQuery, systemsQuery, V } from '../src/routes/overview-queries';
import { openPage, openReady, waitForEngine, type Recorder } from './support/browser';
import { direct, plain } from './support/oracle';
import { clickBar, tableOf, tableOpen, waitForChart } from './support/page-reading';

const base = inject('baseUrl');
let context: BrowserContext;
let page: Page;
let rec: Recorder;

const systemClause = (id: string) => ({ source: V.systems, field: 'cases.system_id', predicate: { kind: 'in' as const, values: [id] } });
const prefClause = (code: string) => ({ source: V.prefectures, field: 'cases.prefecture_code', predicate: { kind: 'in' as const, values: [code] } });
const asTable = (rows: Record<string, unknown>[], keys: string[]) => rows.map((r) => keys.map((k) => String(r[k])));

/** The system chart's 部門 panels as drawn: their headings top to bottom, and how many value axes. */
const panels = async (p: Page) => {
  const svg = p.locator(`[data-testid="${V.systems}"] .chart svg`);
  const texts = await svg.locator('text').allTextContents();
  return {
    headings: texts.map((t) => t.trim()).filter((t) => (DIVISIONS as readonly string[]).includes(t)),
    valueAxes: await svg.locator('g[aria-roledescription="axis"][aria-label^="X-axis"]').count()
  };
};

beforeAll(async () => {
  ({ context, page, rec } = await openReady(`${base}/`));
  await waitForChart(page, V.systems);
  await waitForChart(page, V.prefectures);
});
afterAll(async () => {
  await context?.close();
});

describe('overview (共同調達の状況) in Chromium', () => {
  it('shows 245 cases, the as-of date, the legend and every published per-system count', async () => {
    await expect.poll(() => page.getByTestId('kpi-case-count').textContent()).toBe('245件');
    expect(await page.getByTestId('as-of').textContent()).toBe('2024年1月31日時点');
    const legend = await page.locator('dl.legend').textContent();
    for (const s of ['非掲載希望', '不明', '未回答・回答対象外']) expect(legend).toContain(s);
    const rows = await tableOf(page, V.systems);
    expect(rows.length).toBe(25);
    expect(rows.map((r) => Number(r[2]))).toEqual(SYSTEM_COUNTS.map(([, n]) => n));
  });

  it('clicking a system bar filters the other visuals to what a direct query gives, and clicking it again restores them', async () => {
    const all = asTable(await direct(prefecturesQuery([])), ['prefecture_name', 'case_count']);
    expect(await tableOf(page, V.prefectures)).toEqual(all);
    await clickBar(page, V.systems, '施設予約システム');
    const filtered = asTable(await direct(prefecturesQuery([systemClause('S08')])), ['prefecture_name', 'case_count']);
    expect(filtered.length).toBe(18);
    await expect.poll(() => tableOf(page, V.prefectures)).toEqual(filtered);
    await expect.poll(() => page.getByTestId('kpi-case-count').textContent()).toBe('18件');
    // The clicked visual is not filtered by its own selection: all 25 systems stay.
    expect((await tableOf(page, V.systems)).length).toBe(25);
    await expect.poll(() => page.getByTestId('filter-bar').textContent()).toContain('施設予約システム');
    await clickBar(page, V.systems, '施設予約システム');
    await expect.poll(() => tableOf(page, V.prefectures)).toEqual(all);
    await expect.poll(() => page.getByTestId('kpi-case-count').textContent()).toBe('245件');
  });

  it('cross-filters the other way: a prefecture bar filters the systems visual; Esc clears', async () => {
    await clickBar(page, V.prefectures, '神奈川県');
    const expected = asTable(await direct(systemsQuery([prefClause('14')])), ['division', 'system_name', 'case_count']);
    await expect.poll(() => tableOf(page, V.systems)).toEqual(expected);
    await page.keyboard.press('Escape');
    await expect.poll(() => tableOf(page, V.systems).then((r) => r.length)).toBe(25);
    await expect.poll(() => page.getByTestId('kpi-case-count').textContent()).toBe('245件');
  });

  it('Ctrl-click adds a second system to the selection', async () => {
    await clickBar(page, V.systems, '施設予約システム');
    await clickBar(page, V.systems, '電子契約システム', ['Control']);
    const expected = await direct(prefecturesQuery([{ ...systemClause('S08'), predicate: { kind: 'in', values: ['S08', 'S02'] } }]));
    const total = expected.reduce((s, r) => s + Number(r.case_count), 0);
    expect(total).toBe(24);
    await expect.poll(() => page.getByTestId('kpi-case-count').textContent()).toBe('24件');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('kpi-case-count').textContent()).toBe('245件');
  });

  it('selects a bar by keyboard from 「表で見る」', async () => {
    await page.locator(`[data-testid="${V.systems}"] details summary`).focus();
    await page.keyboard.press('Enter');
    const button = page.getByRole('button', { name: '事業部門の施設予約システムで絞り込む' });
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('kpi-case-count').textContent()).toBe('18件');
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByTestId('kpi-case-count').textContent()).toBe('245件');
  });

  it('「表で見る」 holds no rows while closed; opened by keyboard it shows exactly the filtered rows', async () => {
    const panel = page.getByTestId(V.prefectures);
    const summary = panel.locator('details > summary', { hasText: '表で見る' });
    expect(await tableOpen(page, V.prefectures)).toBe(false);
    expect(await panel.locator('details table').count()).toBe(0);
    await clickBar(page, V.systems, '施設予約システム');
    await expect.poll(() => page.getByTestId('kpi-case-count').textContent()).toBe('18件');
    const filtered = asTable(await direct(prefecturesQuery([systemClause('S08')])), ['prefecture_name', 'case_count']);
    await summary.focus();
    await page.keyboard.press('Enter');
    expect(await tableOpen(page, V.prefectures)).toBe(true);
    // Open already: tableOf reads it as it is and leaves it open.
    expect(await tableOf(page, V.prefectures)).toEqual(filtered);
    expect(await tableOpen(page, V.prefectures)).toBe(true);
    // Every row keeps its 選択 button, named after its prefecture.
    expect(await panel.getByRole('button', { name: `${filtered[0]![0]}で絞り込む` }).count()).toBe(1);
    await page.keyboard.press('Space');
    expect(await tableOpen(page, V.prefectures)).toBe(false);
    expect(await panel.locator('details table').count()).toBe(0);
    await clickBar(page, V.systems, '施設予約システム');
    await expect.poll(() => page.getByTestId('kpi-case-count').textContent()).toBe('245件');
  });

  it('selects a mark with the keyboard alone: Tab to the chart, arrow keys, Enter, Esc', async () => {
    await page.getByTestId(`${V.systems}-keys`).focus();
    for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowDown'); // 8th mark: 施設予約システム
    await expect.poll(() => page.getByTestId(`${V.systems}-active`).textContent()).toContain('施設予約システム');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('kpi-case-count').textContent()).toBe('18件');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('kpi-case-count').textContent()).toBe('245件');
  });

  it('「この数値の定義」 shows SQL that reproduces the KPI and links to the console with it', async () => {
    const card = page.locator('.kpi', { has: page.getByTestId('kpi-case-count') });
    await card.getByText('この数値の定義').click();
    const sql = (await card.locator('pre').textContent()) ?? '';
    expect((await direct({ ok: true, sql }))[0]?.case_count).toBe(245);
    const href = (await card.getByRole('link', { name: 'SQLコンソールで開く' }).getAttribute('href')) ?? '';
    expect(new URL(href, base).searchParams.get('sql')).toBe(sql);
  });

  it('cross-filter clicks (one through the engine), their address updates and Esc ask the network for nothing (not even the icon)', async () => {
    const before = rec.requests.length;
    await clickBar(page, V.systems, '施設予約システム');
    await expect.poll(() => page.evaluate(() => location.search)).toContain(`${V.systems}=S08`);
    await clickBar(page, V.systems, '国民健康保険システム', ['Control']);
    await expect.poll(() => page.evaluate(() => location.search)).toContain('S06');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => location.search)).not.toContain(V.systems);
    await expect.poll(() => page.getByTestId('kpi-case-count').textContent()).toBe('245件');
    await page.waitForTimeout(500);
    expect(rec.requests.slice(before)).toEqual([]);
  });

  it('draws a 部門 panel (heading, bars, value axis) only for the 部門 that have cases under the filters, on load and after a click', async () => {
    // 栃木県 (09): its cases are all of one 部門 (checked below by the oracle).
    const divisions = async (where: string) =>
      (await plain(`SELECT DISTINCT s.division, s.division_order FROM cases c JOIN system s USING (system_id) WHERE ${where} ORDER BY s.division_order`)).map((r) => String(r.division));
    const one = await divisions(`c.prefecture_code = '09'`);
    expect(one.length).toBeLessThan(DIVISIONS.length);
    expect(await divisions('TRUE')).toEqual([...DIVISIONS]);

    // A click that leaves some 部門 without rows: their panels go, and come back when it is cleared.
    await clickBar(page, V.prefectures, '栃木県');
    await expect.poll(() => panels(page)).toEqual({ headings: one, valueAxes: one.length });
    await page.keyboard.press('Escape');
    await expect.poll(() => panels(page)).toEqual({ headings: [...DIVISIONS], valueAxes: DIVISIONS.length });

    // The same state from the address: the chart's first drawing has no empty panel either.
    const { page: linked, rec: linkedRec } = await openPage(context, `${base}/?pref=09`);
    try {
      await waitForEngine(linked);
      await waitForChart(linked, V.systems);
      await expect.poll(() => panels(linked)).toEqual({ headings: one, valueAxes: one.length });
      expect(linkedRec.consoleErrors).toEqual([]);
    } finally {
      await linked.close();
    }
  });

  it('logged no console errors, no CSP violations and no request off its own origin', () => {
    expect(rec.consoleErrors).toEqual([]);
    expect(rec.cspViolations).toEqual([]);
    expect(rec.offOrigin).toEqual([]);
    expect(rec.requests.some((u) => u.endsWith('.wasm'))).toBe(true);
  });
});
