/**
 * Opt-in: the overview and 事例一覧 over a scaled synthetic dataset (issue 8 point 6).
 * Skipped unless SCALE=<N> is set; `npm run test:scale` (SCALE defaults to 1,000,000) makes
 * the data, builds the site over it and runs this file against that build (BUILD_DIR).
 *
 * Every figure is read after the engine is ready and for states the build did not
 * precompute (a two-bar selection, the list's second page), so it is DuckDB-WASM's answer,
 * and each is checked against hand-written SQL on native DuckDB over the same Parquet
 * (tests/support/oracle.ts `plain`), besides the app's own compiled query (`direct`).
 * No timing bound: the load time is printed, not asserted.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { DEFAULT_SORT, listQuery } from '../src/routes/cases/case-queries';
import { PAGE_SIZE } from '../src/routes/page-size';
import { kpiQuery, prefecturesQuery, systemsQuery, V } from '../src/routes/overview-queries';
import { launch, openPage, type Recorder } from './support/browser';
import { direct, plain, str } from './support/oracle';
import { clickBar, tableOf, waitForChart } from './support/page-reading';

const SCALE = Number(process.env.SCALE ?? 0);
/** Engine start at 1,000,000 cases took ≈ 70 s on a quiet 2-core machine; allow for a loaded one. */
const ENGINE_MS = Number(process.env.SCALE_ENGINE_TIMEOUT_S ?? 900) * 1000;
const base = inject('baseUrl');
let context: BrowserContext;
let page: Page;
let rec: Recorder;

/** The number in a KPI or table cell ("1,000,000件" → 1000000). */
const num = (text: string | null) => Number((text ?? '').replace(/[^\d.-]/g, ''));
const kpi = async (id: string) => num(await page.getByTestId(id).textContent());
const systemsIn = (ids: string[]) => ({ source: V.systems, field: 'cases.system_id', predicate: { kind: 'in' as const, values: ids } });
/** A visual's 「表で見る」 rows with numbers as numbers (thousands separators are formatting). */
const numeric = (rows: string[][]) => rows.map((r) => r.map((c) => (/^[\d,]+$/.test(c) ? String(num(c)) : c)));
const ids = (p: Page) => p.$$eval('[data-testid="case-table"] tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-case-id')));

describe.skipIf(!SCALE)(`overview and 事例一覧 at ${SCALE.toLocaleString('en')} cases (opt-in: SCALE)`, () => {
  let systems: { system_id: string; division: string; system_name: string; n: number }[];

  beforeAll(async () => {
    // The build must be over the dataset this test is told about.
    const [{ n }] = (await plain('SELECT count(*) AS n FROM cases')) as [{ n: number }];
    expect(n, `BUILD_DIR=${process.env.BUILD_DIR} does not hold ${SCALE} cases`).toBe(SCALE);
    systems = (await plain(
      `SELECT s.system_id, s.division, s.system_name, count(*) AS n FROM cases c JOIN system s USING (system_id) GROUP BY ALL ORDER BY n DESC, s.system_id`
    )) as typeof systems;
    context = await launch();
    const started = Date.now();
    ({ page, rec } = await openPage(context, `${base}/`));
    await page.waitForSelector('[data-testid="engine-ready"]', { state: 'attached', timeout: ENGINE_MS });
    const ready = await page.evaluate(() => performance.getEntriesByName('engine-ready')[0]?.startTime ?? NaN);
    console.log(`scale ${SCALE}: engine ready ${(ready / 1000).toFixed(1)} s after navigation (${((Date.now() - started) / 1000).toFixed(1)} s wall)`);
    await waitForChart(page, V.systems);
    await waitForChart(page, V.prefectures);
  }, ENGINE_MS + 120_000);
  afterAll(async () => {
    await context?.close();
  });

  it('the KPIs and the per-system chart equal native DuckDB over the same Parquet', async () => {
    const [k] = await plain(`SELECT count(*) AS cases, count(DISTINCT prefecture_code) AS prefs,
      (SELECT count(DISTINCT lg_code) FROM participation WHERE case_id IN (SELECT case_id FROM cases)) AS munis FROM cases`);
    await expect.poll(() => kpi('kpi-case-count')).toBe(SCALE);
    expect(await kpi('kpi-prefecture-count')).toBe(k!.prefs);
    expect(await kpi('kpi-municipality-count')).toBe(k!.munis);
    // The app's compiled query on native DuckDB, and the chart's table, in the chart's order.
    const chart = numeric(await tableOf(page, V.systems));
    const app = (await direct(systemsQuery([]))).map((r) => [String(r.division), String(r.system_name), String(r.case_count)]);
    expect(chart).toEqual(app);
    // …and the independent oracle's count per system (a system name can recur in another division).
    const byName = new Map(systems.map((s) => [`${s.division}|${s.system_name}`, s.n]));
    expect(chart.map((r) => Number(r[2]))).toEqual(chart.map((r) => byName.get(`${r[0]}|${r[1]}`) ?? 0));
  });

  it('a clicked bar, then a second one (a state no build-time figure covers), filter the other visuals as the oracle says', async () => {
    // The two largest systems whose name is unique (the bar is found by its name).
    const [a, b] = systems.filter((s) => systems.filter((t) => t.system_name === s.system_name).length === 1);
    await clickBar(page, V.systems, a!.system_name);
    await expect.poll(() => kpi('kpi-case-count'), { timeout: 60_000 }).toBe(a!.n);
    const onePrefs = (await plain(`SELECT p.prefecture_name, count(*) AS n FROM cases c JOIN prefecture p USING (prefecture_code)
      WHERE c.system_id = ${str(a!.system_id)} GROUP BY ALL ORDER BY min(p.prefecture_code)`)).map((r) => [String(r.prefecture_name), String(r.n)]);
    await expect.poll(() => tableOf(page, V.prefectures).then(numeric), { timeout: 60_000 }).toEqual(onePrefs);

    await clickBar(page, V.systems, b!.system_name, ['Control']);
    await expect.poll(() => kpi('kpi-case-count'), { timeout: 60_000 }).toBe(a!.n + b!.n);
    const [two] = await plain(`SELECT count(DISTINCT prefecture_code) AS prefs,
      (SELECT count(DISTINCT lg_code) FROM participation WHERE case_id IN (SELECT case_id FROM cases WHERE system_id IN (${str(a!.system_id)}, ${str(b!.system_id)}))) AS munis
      FROM cases WHERE system_id IN (${str(a!.system_id)}, ${str(b!.system_id)})`);
    expect(await kpi('kpi-prefecture-count')).toBe(two!.prefs);
    expect(await kpi('kpi-municipality-count')).toBe(two!.munis);
    const twoPrefs = (await direct(prefecturesQuery([systemsIn([a!.system_id, b!.system_id])]))).map((r) => [String(r.prefecture_name), String(r.case_count)]);
    await expect.poll(() => tableOf(page, V.prefectures).then(numeric), { timeout: 60_000 }).toEqual(twoPrefs);
    const [appKpi] = await direct(kpiQuery([systemsIn([a!.system_id, b!.system_id])]));
    expect(Number(appKpi!.municipality_count)).toBe(two!.munis);
    await page.keyboard.press('Escape');
    await expect.poll(() => kpi('kpi-case-count'), { timeout: 60_000 }).toBe(SCALE);
  });

  it('事例一覧 shows its first page, pages through SQL and counts every case', async () => {
    await page.getByRole('link', { name: '事例一覧' }).click(); // client-side: the same engine, no reload
    await page.waitForURL(/\/cases/);
    await expect.poll(() => kpi('kpi-case-count'), { timeout: 60_000 }).toBe(SCALE);
    // The published sort (system, prefecture, id), written here as plain SQL.
    const order = 'ORDER BY s.system_order, c.prefecture_code, c.case_id';
    const pageIds = async (i: number) =>
      (await plain(`SELECT c.case_id FROM cases c JOIN system s USING (system_id) ${order} LIMIT ${PAGE_SIZE} OFFSET ${i * PAGE_SIZE}`)).map((r) => r.case_id);
    await expect.poll(() => ids(page), { timeout: 60_000 }).toEqual(await pageIds(0));
    const pages = Math.ceil(SCALE / PAGE_SIZE);
    const range = (i: number) => `${(i * PAGE_SIZE + 1).toLocaleString('ja-JP')}〜${Math.min(SCALE, (i + 1) * PAGE_SIZE).toLocaleString('ja-JP')}件目 / ${SCALE.toLocaleString('ja-JP')}件（${i + 1} / ${pages.toLocaleString('ja-JP')}ページ）`;
    expect(await page.getByTestId('case-pager-range').textContent()).toBe(range(0));
    expect(await page.getByTestId('case-pager-prev').getAttribute('aria-disabled')).toBe('true');
    // Page 2 was never prerendered: DuckDB-WASM answers it. Turned with the keyboard, as a person would.
    await page.getByRole('button', { name: `次の${PAGE_SIZE.toLocaleString('ja-JP')}件` }).focus();
    await page.keyboard.press('Enter');
    const second = await pageIds(1);
    await expect.poll(() => ids(page), { timeout: 60_000 }).toEqual(second);
    expect(await page.getByTestId('case-pager-range').textContent()).toBe(range(1));
    // The pressed button keeps the focus through the page turn (it was `disabled` while reading, which dropped it).
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('case-pager-next');
    expect(await page.getByTestId('case-pager-prev').getAttribute('aria-disabled')).toBe('false');
    expect((await direct(listQuery([], DEFAULT_SORT, 1))).map((r) => r.case_id)).toEqual(second);
  });

  it('a case of the second page opens its detail: its prerendered page, or the live case page when the build wrote none for it', async () => {
    const id = (await ids(page))[0]!;
    const hasPage = existsSync(`${process.env.BUILD_DIR ?? 'build'}/cases/${id}.html`);
    await page.locator(`[data-testid="case-table"] tbody tr[data-case-id="${id}"] a`).first().click();
    // Without a page, the error page goes on to /cases/local#id=… (src/routes/+error.svelte), answered by the engine.
    if (!hasPage) await expect.poll(() => page.evaluate(() => location.pathname + location.hash), { timeout: 30_000 }).toMatch(/\/cases\/local#id=/);
    const [want] = await plain(`SELECT service_name FROM cases WHERE case_id = ${str(id)}`);
    await expect.poll(() => page.getByTestId('detail-title').textContent(), { timeout: 60_000 }).toBe(want!.service_name ?? '（名称なし）');
    console.log(`case ${id} of page 2: ${hasPage ? 'prerendered detail page' : 'no page in this build: the live case page shows it'}`);
    expect(rec.consoleErrors.filter((e) => !(!hasPage && /404/.test(e)))).toEqual([]);
    expect(rec.offOrigin).toEqual([]);
  });
});
