import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createSiteHandler } from '../scripts/site-server.js';
import { V } from '../src/routes/overview-queries';
import { launch, openPage, waitForEngine } from './support/browser';
import { plain, str } from './support/oracle';
import { tableOf, waitForChart } from './support/page-reading';

/**
 * The offline cache (src/service-worker.ts): after one visit with the network, the next visit
 * (browser restarted, server gone) opens the dashboard, the engine and the data from the
 * cache — figures equal to a direct query; and a worker never keeps files of another build.
 * The site is served here by the production handler on its own port, so it can be stopped.
 */
const dir = process.env.BUILD_DIR ?? 'build';
let server: Server | undefined;
let port = 0;
let otherBuild = false;
const profile = mkdtempSync(join(tmpdir(), 'e2e-offline-'));

async function serve(): Promise<void> {
  const site = createSiteHandler(dir);
  server = createServer((req, res) => {
    // "Another build was published": the site's version file says so (src/service-worker.ts asks it).
    if (otherBuild && req.url?.endsWith('/_app/version.json')) {
      res.setHeader('Content-Type', 'application/json');
      res.setHeader('Cache-Control', 'no-cache');
      return res.end('{"version":"a-later-build"}');
    }
    site(req, res);
  });
  await new Promise<void>((r) => server!.listen(port, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
}
async function stop(): Promise<void> {
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server?.closeAllConnections();
  server = undefined;
}
const url = (path: string) => `http://127.0.0.1:${port}${path}`;

/** Resolves once the offline cache holds the engine and the data (the worker installed and took the page over). */
async function offlineCopyMade(page: Page): Promise<void> {
  await page.waitForFunction(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    if (!reg?.active) return false;
    const keys = (await caches.keys()).filter((k) => k.startsWith('kyodo-'));
    if (keys.length !== 1) return false;
    const cache = await caches.open(keys[0]!);
    const paths = (await cache.keys()).map((r) => new URL(r.url).pathname);
    return navigator.serviceWorker.controller !== null && paths.some((p) => p.endsWith('/data/case.parquet')) && paths.some((p) => /duckdb-eh\.[^/]*\.wasm$/.test(p)) && paths.includes('/');
  }, undefined, { timeout: 30000, polling: 250 });
  await registrationOnDisk();
}

/**
 * Chromium writes the worker's registration to the profile's database some time after the
 * worker controls the page (1.3–1.8 s later with both cores busy; measured 2026-12-06). A
 * browser closed before that forgets the worker, so the next visit would not be offline:
 * wait until the registration (its scope, which holds the origin) is in the database's log.
 */
async function registrationOnDisk(): Promise<void> {
  const db = join(profile, 'Default', 'Service Worker', 'Database');
  const origin = Buffer.from(`127.0.0.1:${port}`);
  const stored = () => existsSync(db) && readdirSync(db).some((f) => f.endsWith('.log') && readFileSync(join(db, f)).includes(origin));
  await expect.poll(stored, { timeout: 30000, interval: 100, message: `the worker's registration reaches ${db}` }).toBe(true);
}

beforeAll(async () => {
  await serve();
});
afterAll(async () => {
  await stop();
});

describe('offline after the first visit (service worker)', () => {
  it('a second visit with no server opens the overview, filters and all, with figures equal to a direct query', async () => {
    const first = await launch({ serviceWorkers: 'allow', profile });
    const { page, rec } = await openPage(first, url('/'));
    await waitForEngine(page);
    await offlineCopyMade(page);
    expect(rec.consoleErrors).toEqual([]);
    await first.close();

    await stop(); // the network is gone (LGWAN line down, proxy failing)
    const second = await launch({ serviceWorkers: 'allow', profile });
    try {
      const { page: again, rec: rec2 } = await openPage(second, url('/?sys=S08'));
      await waitForEngine(again);
      await waitForChart(again, V.prefectures);
      const [n] = await plain(`SELECT count(*) AS n FROM cases WHERE system_id = ${str('S08')}`);
      await expect.poll(() => again.getByTestId('kpi-case-count').textContent()).toBe(`${n?.n}件`);
      const expected = await plain(`SELECT p.prefecture_name AS name, count(*) AS n FROM cases c JOIN prefecture p USING (prefecture_code) WHERE c.system_id = ${str('S08')} GROUP BY 1`);
      const shown = await tableOf(again, V.prefectures);
      expect(new Map(shown.map((r) => [r[0], Number(r[1])]))).toEqual(new Map(expected.map((r) => [String(r.name), Number(r.n)])));
      expect(rec2.offOrigin).toEqual([]);
    } finally {
      await second.close();
    }
  });

  it('while the site serves another build, the worker keeps none of what it fetches (two builds never mix offline)', async () => {
    await serve();
    otherBuild = true;
    try {
      const ctx = await launch({ serviceWorkers: 'allow', profile });
      const { page } = await openPage(ctx, url('/about'));
      // Controlled from the first request: the first visit's worker, kept on disk (not a new install).
      expect(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'the page opens under the first visit’s worker').toBe(true);
      await page.reload(); // now fetched through the worker, from a site that is not its build
      await page.waitForLoadState('load');
      await page.waitForTimeout(1000);
      const kept = await page.evaluate(async () => {
        const keys = (await caches.keys()).filter((k) => k.startsWith('kyodo-'));
        const cache = await caches.open(keys[0]!);
        return (await cache.keys()).map((r) => new URL(r.url).pathname);
      });
      expect(kept).toContain('/'); // the first visit's copy is still there
      expect(kept).not.toContain('/about');
      await ctx.close();
    } finally {
      otherBuild = false;
      await stop();
    }
  });
});
