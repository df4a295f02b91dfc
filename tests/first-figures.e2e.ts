import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { SYSTEM_COUNTS } from '../scripts/data/generator/published-facts';
import { kpiQuery, systemsQuery, V } from '../src/routes/overview-queries';
import { launch, openPage } from './support/browser';
import { direct } from './support/oracle';
import { tableOf } from './support/page-reading';

const base = inject('baseUrl');
let context: BrowserContext;
beforeAll(async () => {
  context = await launch();
});
afterAll(async () => {
  await context?.close();
});

describe('first figures before DuckDB-WASM', () => {
  it('the prerendered HTML already holds 245 and each system’s count, equal to a live query', async () => {
    const html = await (await fetch(`${base}/`)).text();
    const [kpi] = await direct(kpiQuery([]));
    expect(html).toContain(`data-testid="kpi-case-count">${kpi?.case_count}`);
    expect(kpi?.case_count).toBe(245);
    const live = await direct(systemsQuery([]));
    for (const r of live) expect(html).toMatch(new RegExp(`<td[^>]*>${r.system_name}</td>\\s*<td[^>]*>${r.case_count}</td>`));
    expect(live.map((r) => r.case_count)).toEqual(SYSTEM_COUNTS.map(([, n]) => n));
  });

  it('with the engine unreachable, the figures stay visible and a clear error is shown', async () => {
    const page = await context.newPage();
    // Every address of the wasm, its offline copy's (`?offline-copy`, src/lib/db/worker-bootstrap.js) too.
    await page.route(/\.wasm(\?.*)?$/, (route) => route.abort());
    await page.goto(`${base}/`);
    await expect(page.getByTestId('kpi-case-count')).toBeDefined();
    const error = page.getByTestId('engine-error');
    await error.waitFor({ timeout: 30000 });
    expect(await error.textContent()).toContain('分析エンジンが使えません');
    expect(await error.textContent()).toContain('DuckDB-WASM');
    expect(await page.getByTestId('engine-retry').textContent()).toBe('再試行');
    expect(await page.getByTestId('kpi-case-count').textContent()).toBe('245件');
    expect((await tableOf(page, V.systems)).length).toBe(25);
    await page.close();
  });

  it('with a data file missing, the error names the file', async () => {
    const page = await context.newPage();
    await page.route('**/data/participation.parquet', (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.goto(`${base}/`);
    const error = page.getByTestId('engine-error');
    await error.waitFor({ timeout: 30000 });
    expect(await error.textContent()).toContain('participation.parquet');
    await page.close();
  });

  it('shows a loading state for the interactive part until the engine is ready', async () => {
    const page = await context.newPage();
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    await page.route('**/data/case.parquet', async (route) => {
      await gate;
      await route.continue();
    });
    await page.goto(`${base}/`);
    const loading = page.getByTestId('engine-loading');
    await loading.waitFor();
    expect(await loading.textContent()).toMatch(/読み込んで|起動して/);
    release();
    await page.getByTestId('engine-ready').waitFor({ state: 'attached', timeout: 45000 });
    await page.close();
  });
});
