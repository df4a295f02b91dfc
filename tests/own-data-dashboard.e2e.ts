/**
 * The dashboard on the user's own data (issue 11): import through /own-data, switch every
 * page, the console and the downloads to it, keep it only when asked, return to the
 * published data. One browser page runs the whole story (the suite is near its time budget);
 * figures are checked against native DuckDB over the published files (tests/support/oracle.ts),
 * and the modified variant (one prefecture's cases dropped) against the same oracle filtered,
 * which proves the pages show the local data rather than the prerendered figures.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseCsv, stringifyCsv } from '../scripts/data/csv';
import { crlf, shiftJis } from '../scripts/data/test-support/survey-fixture';
import { literal } from '../src/lib/sql/quote';
import { prefecturesQuery, systemsQuery, V } from '../src/routes/overview-queries';
import { launch, openPage, type Recorder } from './support/browser';
import { consoleReady, gridRows, runSql } from './support/console-driver';
import { download } from './support/downloads';
import { direct } from './support/oracle';
import { tableOf, waitForChart } from './support/page-reading';

const base = inject('baseUrl');
const dir = mkdtempSync(join(tmpdir(), 'own-dashboard-'));
let context: BrowserContext;
let db: DuckDBConnection;
let page: Page;
let rec: Recorder;
/** Requests that could carry a file: anything but a body-less GET/HEAD of the site. */
const suspicious: Request[] = [];
/** Requests for the published survey files while the local data is shown (there must be none). */
const publishedWhileLocal: string[] = [];
let localPhase = false;

const q = async (sql: string) => (await db.runAndReadAll(sql)).getRowObjectsJS();
const kpi = () => page.getByTestId('kpi-case-count').textContent();
const DROPPED = '14';
const ALL_PREFS = Array.from({ length: 47 }, (_, i) => String(i + 1).padStart(2, '0'));
const notDropped = { source: V.prefectures, field: 'cases.prefecture_code', predicate: { kind: 'in' as const, values: ALL_PREFS.filter((c) => c !== DROPPED) } };

/** name → count, zero rows left out (a filtered oracle and an unfiltered page may differ only in listing zeros). */
const counts = (rows: string[][], key: number, n: number) => Object.fromEntries(rows.filter((r) => Number(r[n]) > 0).map((r) => [r[key], Number(r[n])]));
const oracleCounts = async (compiled: Parameters<typeof direct>[0], key: string) =>
  Object.fromEntries((await direct(compiled)).filter((r) => Number(r.case_count) > 0).map((r) => [String(r[key]), Number(r.case_count)]));

function save(name: string, bytes: Uint8Array | string): string {
  const path = join(mkdtempSync(join(dir, 'in-')), name);
  writeFileSync(path, bytes);
  return path;
}

/** The bundled survey without one prefecture's cases (and their participation rows), as UTF-8 template CSV. */
function withoutPrefecture(code: string): { cases: string; part: string; dropped: number } {
  const cases = parseCsv(readFileSync('data/survey/cases.csv', 'utf8')).rows;
  const [header, ...rows] = cases;
  const codeCol = header!.indexOf('都道府県コード');
  const idCol = header!.indexOf('事例ID');
  const gone = new Set(rows.filter((r) => r[codeCol]!.padStart(2, '0') === code).map((r) => r[idCol]));
  const part = parseCsv(readFileSync('data/survey/participation.csv', 'utf8')).rows;
  const [pHeader, ...pRows] = part;
  const pId = pHeader!.indexOf('事例ID');
  return {
    cases: stringifyCsv(header!, rows.filter((r) => !gone.has(r[idCol]))),
    part: stringifyCsv(pHeader!, pRows.filter((r) => !gone.has(r[pId]))),
    dropped: gone.size
  };
}

async function importAndShow(paths: string[], asOf: string | null, keep = false): Promise<number> {
  await page.getByRole('navigation', { name: 'ページ' }).getByRole('link', { name: '自分のデータで見る', exact: true }).click();
  await page.getByTestId('own-data-input').waitFor();
  const status = page.getByTestId('own-data-status');
  const runs = Number(await status.getAttribute('data-runs'));
  await page.getByTestId('own-data-input').setInputFiles(paths);
  await expect.poll(async () => Number(await status.getAttribute('data-runs')), { timeout: 30_000 }).toBe(runs + 1);
  expect(await status.getAttribute('data-status')).toBe('valid');
  if (asOf) await page.getByTestId('own-data-asof').fill(asOf);
  await page.getByTestId('own-data-keep').setChecked(keep);
  const t0 = Date.now();
  localPhase = true;
  await page.getByTestId('own-data-show').click();
  await page.waitForURL(/\?data=local$/);
  await page.getByTestId('data-banner').waitFor();
  await waitForChart(page, V.systems);
  return Date.now() - t0;
}

async function expectPublishedFigures(): Promise<void> {
  await expect.poll(kpi, { timeout: 30_000 }).toBe('245件');
  await waitForChart(page, V.systems);
  const sys = (await direct(systemsQuery([]))).map((r) => [String(r.division), String(r.system_name), String(r.case_count)]);
  await expect.poll(() => tableOf(page, V.systems)).toEqual(sys);
  const prefs = (await direct(prefecturesQuery([]))).map((r) => [String(r.prefecture_name), String(r.case_count)]);
  await expect.poll(() => tableOf(page, V.prefectures)).toEqual(prefs);
}

beforeAll(async () => {
  context = await launch();
  db = await (await DuckDBInstance.create(':memory:')).connect();
  context.on('request', (r) => {
    // blob: URLs never leave the browser (the DuckDB worker's bootstrap script is one).
    if (r.url().startsWith('blob:')) return;
    if (!['GET', 'HEAD'].includes(r.method()) || !r.url().startsWith(base) || r.postData() !== null) suspicious.push(r);
    if (localPhase && /\/data\/(case|participation|case_subsidy|case_cost_basis|dataset)\.parquet/.test(r.url())) publishedWhileLocal.push(r.url());
  });
  ({ page, rec } = await openPage(context, `${base}/own-data`));
});
afterAll(async () => context?.close());

describe('the dashboard on the user’s own data', () => {
  it('a Shift_JIS + CRLF import of the bundled survey shows exactly the published figures, with the banner and data=local', async () => {
    const cases = save('cases.csv', shiftJis(crlf(readFileSync('data/survey/cases.csv', 'utf8'))));
    const part = save('participation.csv', shiftJis(crlf(readFileSync('data/survey/participation.csv', 'utf8'))));
    const ms = await importAndShow([cases, part], '2024-01-31');
    console.log(`own data: click 「このデータでダッシュボードを見る」 → first chart drawn: ${ms} ms`);
    expect(await page.getByTestId('data-banner').textContent()).toMatch(/自分のデータを表示しています（2024年1月31日時点）.*cases\.csv、participation\.csv.*事例 245件、参加団体 6,057行/s);
    expect(await page.getByTestId('as-of').textContent()).toBe('2024年1月31日時点（自分のデータ）');
    await expectPublishedFigures();
    // Every nav link keeps saying whose data it is.
    expect(await page.getByRole('link', { name: '事例一覧', exact: true }).getAttribute('href')).toMatch(/\/cases\?data=local$/);
  }, 120_000);

  it('returns to the published data with one click', async () => {
    localPhase = false;
    await page.getByTestId('data-banner-reset').click();
    await page.getByTestId('data-banner').waitFor({ state: 'detached' });
    expect(page.url()).not.toContain('data=local');
    expect(await page.getByTestId('as-of').textContent()).toBe('2024年1月31日時点');
    await expectPublishedFigures();
  }, 60_000);

  it('modified data (one prefecture dropped, kept in the browser): pages, console and downloads show it, not the prerendered figures', async () => {
    const mod = withoutPrefecture(DROPPED);
    expect(mod.dropped).toBeGreaterThan(0);
    await importAndShow([save('cases.csv', mod.cases), save('participation.csv', mod.part)], '2025-03-31', true);
    const expectedTotal = 245 - mod.dropped;
    const checkOverview = async () => {
      await expect.poll(kpi, { timeout: 30_000 }).toBe(`${expectedTotal}件`);
      const sys = await oracleCounts(systemsQuery([notDropped]), 'system_name');
      await expect.poll(async () => counts(await tableOf(page, V.systems), 1, 2)).toEqual(sys);
      const prefs = await oracleCounts(prefecturesQuery([notDropped]), 'prefecture_name');
      await expect.poll(async () => counts(await tableOf(page, V.prefectures), 0, 1)).toEqual(prefs);
    };
    await checkOverview();
    expect(await page.getByTestId('data-banner').textContent()).toContain(`事例 ${expectedTotal}件`);
    expect(await page.getByTestId('data-banner').textContent()).toContain('このブラウザーに保存されています');

    // Download: the rows of the local data, and metadata that says whose data it is.
    const pq = await download(page, '事例', 'Parquet');
    await page.getByRole('button', { name: '閉じる' }).click();
    expect(pq.name).toBe('kyodo-chotatsu_全件_自分のデータ_事例_2025-03-31.parquet');
    const [row] = await q(`SELECT count(*)::INTEGER AS n, count(*) FILTER (WHERE prefecture_code = ${literal(DROPPED)})::INTEGER AS dropped FROM read_parquet(${literal(pq.path)})`);
    expect(row).toEqual({ n: expectedTotal, dropped: 0 });
    const kv = Object.fromEntries((await q(`SELECT decode(key) AS k, decode(value) AS v FROM parquet_kv_metadata(${literal(pq.path)})`)).map((r) => [r.k, r.v]));
    expect(kv.as_of).toBe('2025-03-31');
    expect(kv.data).toBe('local');
    expect(kv.source).toContain('利用者がこのブラウザーで読み込んだ自分のデータ');
    expect(kv.source).not.toContain('デジタル庁');

    // Console: its own instance, on the same local data.
    await page.getByRole('navigation', { name: 'ページ' }).getByRole('link', { name: 'SQLコンソール', exact: true }).click();
    await page.waitForURL(/\/console\?data=local$/);
    await consoleReady(page);
    await runSql(page, `SELECT count(*) AS n, count(*) FILTER (WHERE prefecture_code = '${DROPPED}') AS dropped, current_setting('enable_external_access') AS ext, current_setting('lock_configuration') AS locked FROM cases`);
    // The lockdown holds on the local data's instance too.
    expect(await gridRows(page)).toEqual([['1', String(expectedTotal), '0', 'false', 'true']]);

    // Back to the overview through the nav: its prerendered figures (published: 245) never appear, not even for a frame.
    await page.evaluate(() => {
      const seen = new Set<string>();
      (window as unknown as { kpiSeen: Set<string> }).kpiSeen = seen;
      new MutationObserver(() => {
        const t = document.querySelector('[data-testid="kpi-case-count"]')?.textContent;
        if (t) seen.add(t);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByRole('navigation', { name: 'ページ' }).getByRole('link', { name: '共同調達の状況', exact: true }).click();
    await expect.poll(kpi, { timeout: 30_000 }).toBe(`${expectedTotal}件`);
    expect(await page.evaluate(() => [...(window as unknown as { kpiSeen: Set<string> }).kpiSeen])).not.toContain('245件');

    // Kept: a reload (a new visit of the address) opens the same local data from IndexedDB.
    await page.goto(`${base}/?data=local`);
    await page.getByTestId('data-banner').waitFor();
    await checkOverview();
    // 「削除」: the kept copy goes (the data stays on screen until the user goes back).
    await page.getByTestId('data-banner-forget').click();
    await expect.poll(() => page.getByTestId('data-banner').textContent()).toContain('タブを閉じると消えます');
    localPhase = false;
    await page.getByTestId('data-banner-reset').click();
    await page.getByTestId('data-banner').waitFor({ state: 'detached' });
    await expectPublishedFigures();
  }, 180_000);

  it('a shared data=local link opened where that data is not: a notice, and the published data', async () => {
    await page.goto(`${base}/?data=local`);
    await page.getByTestId('data-link-notice').waitFor();
    expect(await page.getByTestId('data-link-notice').textContent()).toContain('送信した人のパソコンの中だけにあり');
    expect(page.url()).not.toContain('data=local');
    expect(await page.getByTestId('data-banner').count()).toBe(0);
    await expectPublishedFigures();
  }, 60_000);

  it('reads the Parquet files the build wrote (as-of date from dataset.parquet) and shows the published figures', async () => {
    const buildData = `${process.env.BUILD_DIR ?? 'build'}/data`;
    const files = readdirSync(buildData).filter((f) => f.endsWith('.parquet')).map((f) => join(buildData, f));
    await importAndShow(files, null);
    expect(await page.getByTestId('data-banner').textContent()).toContain('2024年1月31日時点');
    await expectPublishedFigures();
    localPhase = false;
    await page.getByTestId('data-banner-reset').click();
    await page.getByTestId('data-banner').waitFor({ state: 'detached' });
  }, 120_000);

  it('no request carried a file, the published survey files were never fetched while local data was shown, no CSP violation', () => {
    expect(suspicious.map((r) => `${r.method()} ${r.url()}`)).toEqual([]);
    expect(publishedWhileLocal).toEqual([]);
    expect(rec.offOrigin).toEqual([]);
    expect(rec.cspViolations).toEqual([]);
    expect(rec.consoleErrors).toEqual([]);
  });
});
