import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createSiteHandler } from '../scripts/site-server.js';
import { V } from '../src/routes/overview-queries';
import { launch, openPage, waitForEngine } from './support/browser';
import { plain, str } from './support/oracle';
import { tableOf, waitForChart } from './support/page-reading';
import { offlineCopyMade } from './support/service-worker';

/**
 * The offline cache (src/service-worker.ts): after one visit with the network, the next visit
 * (browser restarted, server gone) opens the dashboard, the engine and the data from the
 * cache — figures equal to a direct query, also when the browser's HTTP cache was emptied
 * (the engine's wasm then comes from the worker's copy); and a worker never keeps files of
 * another build.
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

/** The overview filtered to S08, its figures equal to a direct query. */
async function expectS08Figures(page: Page): Promise<void> {
  await waitForEngine(page);
  await waitForChart(page, V.prefectures);
  const [n] = await plain(`SELECT count(*) AS n FROM cases WHERE system_id = ${str('S08')}`);
  await expect.poll(() => page.getByTestId('kpi-case-count').textContent()).toBe(`${n?.n}件`);
  const expected = await plain(`SELECT p.prefecture_name AS name, count(*) AS n FROM cases c JOIN prefecture p USING (prefecture_code) WHERE c.system_id = ${str('S08')} GROUP BY 1`);
  const shown = await tableOf(page, V.prefectures);
  expect(new Map(shown.map((r) => [r[0], Number(r[1])]))).toEqual(new Map(expected.map((r) => [String(r.name), Number(r.n)])));
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
    await offlineCopyMade(page, profile);
    expect(rec.consoleErrors).toEqual([]);
    await first.close();

    await stop(); // the network is gone (LGWAN line down, proxy failing)
    const second = await launch({ serviceWorkers: 'allow', profile });
    try {
      const { page: again, rec: rec2 } = await openPage(second, url('/?sys=S08'));
      await expectS08Figures(again);
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

  it("with the browser's HTTP cache emptied as well, the engine's wasm comes from the worker's copy (its second try) and the overview opens", async () => {
    // The engine's wasm is left to the browser's HTTP cache (compiled code is reused only from there,
    // src/lib/offline/offline-policy.ts); when that copy is gone and so is the network, the worker
    // asks for the service worker's copy (src/lib/db/worker-bootstrap.js).
    await serve();
    const ctx = await launch({ serviceWorkers: 'allow', profile });
    const { page } = await openPage(ctx, url('/'));
    await waitForEngine(page);
    await offlineCopyMade(page, profile);
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Network.clearBrowserCache');
    await ctx.close();
    await stop();

    const offline = await launch({ serviceWorkers: 'allow', profile });
    try {
      const { page: again, rec } = await openPage(offline, url('/?sys=S08'));
      await expectS08Figures(again);
      expect(rec.offOrigin).toEqual([]);
    } finally {
      await offline.close();
    }
  });
});
