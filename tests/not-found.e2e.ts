import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { launch, openPage, waitForEngine, type Recorder } from './support/browser';
import { plain, str } from './support/oracle';

// An address the host has no file for gets the build's 404.html (scripts/not-found-page.js),
// served as docs/deploying.md tells nginx, Apache httpd and IIS to: a case id without a page
// goes on to the live case page; anything else says it was not found and links to the top.
const base = inject('baseUrl');
let context: BrowserContext;
const recs: Recorder[] = [];

beforeAll(async () => {
  context = await launch();
});
afterAll(async () => {
  await context?.close();
});

describe('addresses the site has no page for', () => {
  it('a case id without a page opens the live case page, which says the published data has no such case', async () => {
    const { page, rec } = await openPage(context, `${base}/cases/NOPE%E4%BA%8B%E4%BE%8B`);
    recs.push(rec);
    await expect.poll(() => page.url()).toBe(`${base}/cases/local#id=NOPE%E4%BA%8B%E4%BE%8B`);
    await expect.poll(() => page.getByTestId('live-case-missing').textContent(), { timeout: 45_000 }).toContain('事例ID「NOPE事例」の事例は、表示中の公開データにありません');
    await page.close();
  });

  it('a link inside the dashboard to a case the build wrote no page for opens the live case page with that case; Back returns to the list', async () => {
    // A large build writes pages for its first cases only (src/routes/cases/[id]/case-pages.ts):
    // here the host answers 404 for one case's page and data, as it would for such a case.
    const { page, rec } = await openPage(context, `${base}/cases`);
    recs.push(rec);
    await waitForEngine(page);
    const row = page.locator('[data-testid="case-table"] tbody tr').nth(2);
    const id = (await row.getAttribute('data-case-id'))!;
    await page.route((u) => u.pathname.startsWith(`/cases/${encodeURIComponent(id)}`), (r) => r.fulfill({ status: 404, contentType: 'text/plain', body: 'Not Found' }));
    await row.locator('a').first().click();
    await expect.poll(() => page.evaluate(() => location.pathname + location.hash), { timeout: 20_000 }).toBe(`/cases/local#id=${encodeURIComponent(id)}`);
    const [want] = await plain(`SELECT c.service_name, p.prefecture_name FROM cases c JOIN prefecture p USING (prefecture_code) WHERE c.case_id = ${str(id)}`);
    await expect.poll(() => page.getByTestId('detail-title').textContent(), { timeout: 20_000 }).toBe(want!.service_name ?? '（名称なし）');
    expect(await page.getByTestId('detail-prefecture').textContent()).toBe(want!.prefecture_name);
    await page.goBack();
    await expect.poll(() => page.evaluate(() => location.pathname)).toBe('/cases');
    await page.close();
  });

  it('any other missing page is a 404 in Japanese and English, with a link to the top that works', async () => {
    const { page, rec } = await openPage(context, `${base}/systems/no-such-page`);
    recs.push(rec);
    await expect(page.getByTestId('not-found').textContent()).resolves.toContain('ページが見つかりません');
    const home = page.getByTestId('not-found-home');
    await expect.poll(() => home.isVisible()).toBe(true);
    expect(await home.evaluate((a) => (a as HTMLAnchorElement).href)).toBe(`${base}/`);
    await home.click();
    await waitForEngine(page);
    expect(await page.getByTestId('kpi-case-count').textContent()).toBe('245件');
    await page.close();
  });

  it('the server answers 404 with the page to a browser, and plain text to anything else (DuckDB asking for an extension)', async () => {
    const asPage = await fetch(`${base}/cases/NOPE`, { headers: { accept: 'text/html' } });
    expect(asPage.status).toBe(404);
    expect(await asPage.text()).toContain('data-testid="not-found"');
    const other = await fetch(`${base}/duckdb-extensions/v1.4.3/wasm_eh/json.duckdb_extension.wasm`);
    expect(other.status).toBe(404);
    expect(other.headers.get('content-type')).toMatch(/^text\/plain/);
  });

  it('logged no console errors, no CSP violations and no request off its own origin', () => {
    for (const rec of recs) {
      expect(rec.cspViolations).toEqual([]);
      expect(rec.offOrigin).toEqual([]);
      expect(rec.consoleErrors.filter((e) => !/404 \(Not Found\)/.test(e))).toEqual([]);
    }
  });
});
