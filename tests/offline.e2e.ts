import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launch, openPage, type Recorder } from './support/browser';

// LGWAN users cannot reach extensions.duckdb.org. A query that would make DuckDB-WASM
// autoload an extension (reading Parquet or a URL inside DuckDB) must fail cleanly on
// the site's own origin and never send a request anywhere else.
const base = inject('baseUrl');
let context: BrowserContext;
let page: Page;
let rec: Recorder;

async function run(p: Page, text: string) {
  await p.locator('.cm-content').click();
  await p.keyboard.press('Control+a');
  await p.keyboard.insertText(text);
  await p.keyboard.press('Escape'); // close the autocomplete popup
  await p.keyboard.press('Control+Enter');
  await p.waitForSelector('[data-testid="console-error"], [data-testid="result-summary"]', { state: 'attached', timeout: 30000 });
  await p.waitForSelector('[data-testid="console-state"][data-state="ready"]', { state: 'attached', timeout: 30000 });
}

beforeAll(async () => {
  context = await launch();
  ({ page, rec } = await openPage(context, `${base}/console`));
  await page.waitForSelector('[data-testid="console-state"][data-state="ready"]', { state: 'attached', timeout: 60000 });
});
afterAll(async () => {
  await context?.close();
});

describe('no query reaches outside the site', () => {
  it('a Parquet read inside DuckDB asks only the site’s own extension path, then errors clearly', async () => {
    await run(page, `SELECT count(*) FROM read_parquet('data/case.parquet')`);
    expect(await page.getByTestId('console-error').textContent()).toMatch(/\S/);
    expect(rec.offOrigin).toEqual([]);
    expect(rec.requests.some((u) => u.startsWith(`${base}/duckdb-extensions`) || u.includes('/data/duckdb-extensions'))).toBe(true);
  });

  it('a URL read inside DuckDB (httpfs) does not leave the site either', async () => {
    await run(page, `SELECT * FROM read_csv('https://example.com/x.csv')`);
    expect(await page.getByTestId('console-error').textContent()).toMatch(/\S/);
    // The worker's CSP (connect-src 'self') stops it before anything is sent.
    await expect.poll(() => rec.blockedByCsp).toContain('https://example.com/x.csv');
    expect(rec.offOrigin).toEqual([]);
  });
});
