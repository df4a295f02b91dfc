import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { holdWasm, launch, openPage, type Recorder } from './support/browser';
import { download } from './support/downloads';
import { plain, str } from './support/oracle';
import { caseIds, valueNames } from './support/page-oracle';

/**
 * 「データをダウンロード」 opened while a municipality from the address (`muni`) is still being
 * named (the engine looks it up once it is ready; DuckDB-WASM's .wasm is held back here): the
 * dialog says the name is being checked and its buttons wait — no file can be written with the
 * name missing or as its code. Once the name arrives, the open dialog names it and the file's
 * name, its `filters` metadata and its rows follow. One page load.
 */
const base = inject('baseUrl');
const CODE = '131016';
let context: BrowserContext;
let page: Page;
let rec: Recorder;
let release: () => void = () => {};

beforeAll(async () => {
  context = await launch();
  release = await holdWasm(context);
  ({ page, rec } = await openPage(context, `${base}/cases?muni=${CODE}`));
});
afterAll(async () => {
  release();
  await context?.close();
});

const dialogFilters = async () => (await page.getByTestId('download-filters').textContent())?.trim() ?? '';
const fileButton = () => page.getByTestId('download-事例');

describe('the download dialog while a municipality is being named', () => {
  it('says the name is being checked and writes nothing (buttons disabled, with the reason), never the code', async () => {
    await expect.poll(() => page.getByTestId('filter-bar').getAttribute('aria-busy'), { timeout: 30000 }).toBe('true');
    await page.getByTestId('download-open').click();
    expect(await page.getByTestId('download-dialog').isVisible()).toBe(true);
    expect(await dialogFilters()).toBe('参加市区町村: （名称を確認中）');
    for (const button of [fileButton(), page.getByTestId('download-参加自治体')]) {
      expect(await button.isDisabled()).toBe(true);
      const reason = await button.getAttribute('aria-describedby');
      expect(reason).toBeTruthy();
      expect(await page.locator(`#${reason}`).textContent()).toContain('名称を');
    }
    expect(await page.getByTestId('download-waiting').isVisible()).toBe(true);
    // Still held: a moment later nothing has changed, and the dialog never showed the code.
    await page.waitForTimeout(500);
    expect(await fileButton().isDisabled()).toBe(true);
    expect(await page.getByTestId('download-dialog').textContent()).not.toContain(CODE);
  });

  it('once the name arrives, the open dialog names it and the file, its metadata and its rows follow', async () => {
    const name = (await valueNames('muni', [CODE]))[0]!;
    expect(name).toBe('千代田区');
    release();
    await expect.poll(() => fileButton().isEnabled(), { timeout: 45000 }).toBe(true);
    expect(await dialogFilters()).toBe(`参加市区町村: ${name}`);
    expect(await page.getByTestId('download-waiting').count()).toBe(0);
    expect(await fileButton().getAttribute('aria-describedby')).toBeNull();

    const file = await download(page, '事例', 'Parquet');
    expect(file.name).toBe(`kyodo-chotatsu_${name}_事例_2024-01-31.parquet`);
    const [meta] = await plain(`SELECT decode(value) AS v FROM parquet_kv_metadata(${str(file.path)}) WHERE decode(key) = 'filters'`);
    expect(meta?.v).toBe(`参加市区町村: ${name}`);
    const ids = (await plain(`SELECT case_id FROM read_parquet(${str(file.path)}) ORDER BY case_id`)).map((r) => String(r.case_id));
    expect(ids).toEqual(await caseIds({ muni: [CODE] }));
  });

  it('logged no console errors and made no request off its origin', () => {
    expect(rec.consoleErrors).toEqual([]);
    expect(rec.offOrigin).toEqual([]);
  });
});
