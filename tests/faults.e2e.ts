import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { Clause } from '../src/lib/filter/clause';
import { kpiQuery, systemsQuery, V } from '../src/routes/overview-queries';
import { launch, waitForEngine } from './support/browser';
import { direct } from './support/oracle';
import { consoleReady, gridRows, runSql } from './support/console-driver';
import { clickBar, tableOf, waitForChart } from './support/page-reading';

// Faults a person can meet (issue 10, point 11): a damaged data file, a DuckDB worker that
// dies mid-session, a wasm that breaks off half-way. Each must name what failed, keep the
// prerendered figures on screen, and offer 「再試行」, which restarts the engine in place
// with the filters of the address.
const base = inject('baseUrl');
let context: BrowserContext;

const systemClause = (id: string): Clause => ({ source: V.systems, field: 'cases.system_id', predicate: { kind: 'in', values: [id] } });

beforeAll(async () => {
  context = await launch();
});
afterAll(async () => {
  await context?.close();
});

/** Serves the first half of the files matching `glob` (GET only), as a connection cut off half-way would; returns the undo. */
async function serveHalf(page: Page, glob: string): Promise<() => Promise<void>> {
  await page.route(glob, async (route) => {
    if (route.request().method() !== 'GET') return route.continue();
    const res = await route.fetch();
    const body = await res.body();
    const half = body.subarray(0, Math.floor(body.length / 2));
    await route.fulfill({ response: res, body: half, headers: { ...res.headers(), 'content-length': String(half.length) } });
  });
  return () => page.unroute(glob);
}

/** The error is shown with what failed, the prerendered figures are still there, and 再試行 brings the filtered figures back. */
async function expectErrorThenRecover(page: Page, names: RegExp, clauses: Clause[], undo: () => Promise<void>) {
  const error = page.getByTestId('engine-error');
  await error.waitFor({ timeout: 45000 });
  const detail = await page.getByTestId('engine-error-detail').textContent();
  console.log(`fault message: ${detail}`);
  expect(detail).toMatch(names);
  // The systems visual is not filtered by its own selection: its prerendered rows stay.
  expect((await tableOf(page, V.systems)).length).toBe(25);
  const url = page.url();
  await undo();
  await page.getByTestId('engine-retry').click();
  await waitForEngine(page);
  const [kpi] = await direct(kpiQuery(clauses));
  await expect.poll(() => page.getByTestId('kpi-case-count').textContent(), { timeout: 20000 }).toBe(`${kpi?.case_count}件`);
  expect(page.url()).toBe(url);
  expect(await page.getByTestId('engine-error').count()).toBe(0);
}

describe('faults: a visible message naming what failed, and 再試行 with the filters kept', () => {
  it('a truncated Parquet file', async () => {
    const page = await context.newPage();
    const undo = await serveHalf(page, '**/data/case.parquet');
    await page.goto(`${base}/?ov-systems=S08`);
    await expectErrorThenRecover(page, /case\.parquet/, [systemClause('S08')], undo);
    await page.close();
  });

  it('the DuckDB worker terminated mid-session (as the browser does when it runs out of memory)', async () => {
    const page = await context.newPage();
    // Keep a handle on every worker the page starts, so the test can end them.
    await page.addInitScript(() => {
      const Native = window.Worker;
      const all: Worker[] = [];
      (window as unknown as { __workers: Worker[] }).__workers = all;
      window.Worker = class extends Native {
        constructor(url: string | URL, options?: WorkerOptions) {
          super(url, options);
          all.push(this);
        }
      };
    });
    await page.goto(`${base}/?ov-systems=S08`);
    await waitForEngine(page);
    await waitForChart(page, V.prefectures);
    await expect.poll(() => page.getByTestId('kpi-case-count').textContent()).toBe('18件');
    const ended = await page.evaluate(() => {
      const w = (window as unknown as { __workers: Worker[] }).__workers;
      for (const worker of w) worker.terminate();
      return w.length;
    });
    expect(ended).toBeGreaterThan(0);
    // The next click (Ctrl: add a second system) needs the engine, which no longer answers.
    const other = (await direct(systemsQuery([]))).find((r) => r.system_id !== 'S08')!;
    await clickBar(page, V.systems, String(other.system_name), ['Control']);
    await expect.poll(() => new URL(page.url()).searchParams.get('ov-systems')).toBe(`S08,${other.system_id}`);
    const both: Clause = { ...systemClause('S08'), predicate: { kind: 'in', values: ['S08', String(other.system_id)] } };
    await expectErrorThenRecover(page, /ワーカー/, [both], async () => {});
    await page.close();
  });

  it('the DuckDB wasm breaking off half-way', async () => {
    const page = await context.newPage();
    const undo = await serveHalf(page, '**/*.wasm');
    await page.goto(`${base}/?ov-systems=S08`);
    await expectErrorThenRecover(page, /DuckDB-WASM|wasm/i, [systemClause('S08')], undo);
    await page.close();
  });

  it('the console’s own engine: a truncated Parquet file is named, and 再試行 starts it again', async () => {
    const page = await context.newPage();
    const undo = await serveHalf(page, '**/data/participation.parquet');
    await page.goto(`${base}/console`);
    await page.waitForSelector('[data-testid="console-state"][data-state="failed"]', { state: 'attached', timeout: 45000 });
    expect(await page.getByTestId('console-notice').textContent()).toContain('participation.parquet');
    await undo();
    await page.getByTestId('console-retry').click();
    await consoleReady(page);
    await runSql(page, 'SELECT count(*) AS n FROM cases');
    expect(await gridRows(page)).toEqual([['1', '245']]);
    await page.close();
  });
});
