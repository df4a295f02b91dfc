import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { openReady, type Recorder } from './support/browser';
import { consoleError, consoleReady, runSql } from './support/console-driver';

// LGWAN users cannot reach extensions.duckdb.org. A query that would make DuckDB-WASM
// autoload an extension (reading Parquet or a URL inside DuckDB) must fail clearly, and
// since the engine is locked down (src/lib/db/lockdown.ts) it sends no request at all —
// not to the internet, not even to the site's own extension path. (tests/no-csp.e2e.ts
// checks the same with a server that sends no CSP.)
const base = inject('baseUrl');
let context: BrowserContext;
let page: Page;
let rec: Recorder;

beforeAll(async () => {
  ({ context, page, rec } = await openReady(`${base}/console`, consoleReady));
});
afterAll(async () => {
  await context?.close();
});

describe('no query reaches outside the site', () => {
  it('a Parquet read inside DuckDB says extensions are unavailable and asks nobody, not even the site', async () => {
    const before = rec.requests.length;
    await runSql(page, `SELECT count(*) FROM read_parquet('data/case.parquet')`);
    expect((await consoleError(page))?.ja).toContain('拡張機能');
    expect(rec.requests.slice(before).filter((u) => u.includes('duckdb-extensions'))).toEqual([]);
    expect(rec.offOrigin).toEqual([]);
  });

  it('a URL read inside DuckDB (httpfs) is refused by DuckDB itself, before any CSP is needed', async () => {
    await runSql(page, `SELECT * FROM read_csv('https://example.com/x.csv')`);
    const error = await consoleError(page);
    expect(error?.ja).toContain('https://example.com/x.csv');
    expect(error?.en).toContain('disabled by configuration');
    await page.waitForTimeout(300);
    expect(rec.blockedByCsp).toEqual([]);
    expect(rec.offOrigin).toEqual([]);
  });
});
