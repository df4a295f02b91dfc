import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { V } from '../src/routes/overview-queries';
import { launch, openPage, waitForEngine, type Recorder } from './support/browser';
import { plain, str } from './support/oracle';
import { tableOf, waitForChart } from './support/page-reading';

/**
 * The early engine start of a returning visit (src/lib/db/early-engine.js): on the built site,
 * one browser profile, visits in a row. A first visit asks for no wasm or Parquet before the
 * page's load event (after-page-load.ts) and has no early start; once its engine was ready, the
 * next visit of the same build starts DuckDB's worker before SvelteKit starts the engine (the
 * worker-started mark precedes the layout's start), with one worker script and one fetch per
 * Parquet file, and shows the figures of a direct query. Both post DuckDB's OPEN and CONNECT
 * right behind its INSTANTIATE, and the setup script right behind the inserts (no main-thread
 * turn in between). No timing is asserted beyond order.
 */
const base = inject('baseUrl');
/** The bench's in-page recorder (it only records): every message to and from a worker, in order. */
const IN_PAGE = fileURLToPath(new URL('../scripts/bench/in-page.js', import.meta.url));
const profile = mkdtempSync(join(tmpdir(), 'e2e-warm-start-'));
let context: BrowserContext | undefined;

afterAll(async () => {
  await context?.close();
  rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
});

/** A visit in the shared profile: the browser (re)started, like coming back the next day. */
async function visit(path: string): Promise<{ page: Page; rec: Recorder; requested: { url: string }[] }> {
  await context?.close();
  context = await launch({ profile });
  await context.addInitScript({ path: IN_PAGE });
  const requested: { url: string }[] = [];
  context.on('request', (r) => requested.push({ url: r.url() }));
  const { page, rec } = await openPage(context, `${base}${path}`);
  return { page, rec, requested };
}

const markTimes = (page: Page) =>
  page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('engine')).map((m) => [m.name, m.startTime])));
/** The layout's start of the engine (BrowserEngine.start's first progress). */
const SVELTEKIT_START = 'engine:engine:DuckDB-WASM';
const count = (requested: { url: string }[], re: RegExp) => requested.filter((r) => re.test(new URL(r.url).pathname)).length;

/**
 * DuckDB's requests the page posted before DuckDB answered its INSTANTIATE. OPEN and CONNECT go
 * right behind it (the worker's bootstrap holds them until the instance is there), so the
 * worker opens the database without waiting for the page's main thread.
 */
const postedBeforeInstance = (page: Page) => postedUntilAnswered(page, 'INSTANTIATE');

/** DuckDB's requests the page posted from its first request of `type` until DuckDB answered that one. */
async function postedUntilAnswered(page: Page, type: string): Promise<string[]> {
  const msgs = await page.evaluate(() => (window as unknown as { __bench: { msgs: { dir: string; type: string; id: number }[] } }).__bench.msgs);
  const duckdb = msgs.filter((m) => m.type !== '');
  const first = duckdb.findIndex((m) => m.dir === 'out' && m.type === type);
  const answered = duckdb.findIndex((m, i) => i > first && m.dir === 'in' && m.id === duckdb[first]?.id && m.type !== 'INSTANTIATE_PROGRESS');
  expect(first).toBeGreaterThanOrEqual(0);
  expect(answered).toBeGreaterThan(first);
  return duckdb.slice(first, answered).filter((m) => m.dir === 'out').map((m) => m.type);
}

/** The survey's nine inserts and then the setup script (views, lockdown) leave together: the worker runs them in order. */
const INSERTS_THEN_SETUP = [...Array<string>(9).fill('INSERT_ARROW_FROM_IPC_STREAM'), 'RUN_QUERY'];

async function expectS08Figures(page: Page): Promise<void> {
  await waitForChart(page, V.prefectures);
  const [n] = await plain(`SELECT count(*) AS n FROM cases WHERE system_id = ${str('S08')}`);
  await expect.poll(() => page.getByTestId('kpi-case-count').textContent()).toBe(`${n?.n}件`);
  const expected = await plain(
    `SELECT p.prefecture_name AS name, count(*) AS n FROM cases c JOIN prefecture p USING (prefecture_code) WHERE c.system_id = ${str('S08')} GROUP BY 1`
  );
  const shown = await tableOf(page, V.prefectures);
  expect(new Map(shown.map((r) => [r[0], Number(r[1])]))).toEqual(new Map(expected.map((r) => [String(r.name), Number(r.n)])));
}

describe('engine start on a returning visit', () => {
  it('a first visit starts nothing early: no wasm or Parquet is asked for before the load event', async () => {
    const { page, rec } = await visit('/');
    await waitForEngine(page);
    const marks = await markTimes(page);
    expect(marks['engine:early-start']).toBeUndefined();
    // The worker is started by the layout's engine start, not before it.
    expect(marks['engine:worker-started']).toBeGreaterThan(marks[SVELTEKIT_START]!);
    // The page's own requests (the Parquet files, the wasm's HEAD check, DuckDB's worker script) on its clock;
    // the wasm's GET is the worker's, marked `engine:wasm-requested` on the page's clock.
    const { loadAt, engineRequests } = await page.evaluate(() => ({
      loadAt: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventStart,
      engineRequests: performance
        .getEntriesByType('resource')
        .filter((e) => /\.wasm$|\/data\/[^/]+\.parquet$|duckdb-browser-[a-z]+\.worker\.[^/]*\.js$/.test(new URL(e.name).pathname))
        .map((e) => ({ url: e.name, at: e.startTime }))
    }));
    expect(engineRequests.filter((r) => r.url.endsWith('.parquet'))).toHaveLength(9);
    expect(await postedBeforeInstance(page)).toEqual(['INSTANTIATE', 'OPEN', 'CONNECT']);
    expect(await postedUntilAnswered(page, 'INSERT_ARROW_FROM_IPC_STREAM')).toEqual(INSERTS_THEN_SETUP);
    for (const r of [...engineRequests, { url: 'wasm (worker)', at: marks['engine:wasm-requested']! }]) expect(r.at, r.url).toBeGreaterThanOrEqual(loadAt);
    expect(rec.consoleErrors).toEqual([]);
    // Let the browser write the profile (the marker is in localStorage from engine-ready).
    await page.waitForTimeout(500);
  });

  it('the next visit starts DuckDB’s worker before SvelteKit starts the engine, once, and shows the figures of a direct query', async () => {
    const { page, rec, requested } = await visit('/?sys=S08');
    await waitForEngine(page);
    const marks = await markTimes(page);
    expect(marks['engine:early-start']).toBeDefined();
    expect(marks['engine:worker-started']).toBeLessThan(marks[SVELTEKIT_START]!);
    expect(marks['engine:early-start']).toBeLessThan(marks[SVELTEKIT_START]!);
    // The early script sent all three, before SvelteKit's start had anything to send.
    expect(await postedBeforeInstance(page)).toEqual(['INSTANTIATE', 'OPEN', 'CONNECT']);
    expect(await postedUntilAnswered(page, 'INSERT_ARROW_FROM_IPC_STREAM')).toEqual(INSERTS_THEN_SETUP);
    // One worker, one GET per Parquet file: what the early script started was adopted, not done again.
    expect(count(requested, /duckdb-browser-[a-z]+\.worker\.[^/]*\.js$/)).toBe(1);
    for (const f of ['case', 'participation', 'system', 'prefecture', 'dataset']) expect(count(requested, new RegExp(`/data/${f}\\.parquet$`)), f).toBe(1);
    await expectS08Figures(page);
    expect(rec.consoleErrors).toEqual([]);
    expect(rec.cspViolations).toEqual([]);
    expect(rec.offOrigin).toEqual([]);
  });

  it('`data=local` in the address starts nothing early, even for a returning visitor', async () => {
    // No kept copy here: the page says so and falls back to the published data, started the normal way.
    const { page } = await visit('/?data=local');
    await waitForEngine(page);
    const marks = await markTimes(page);
    expect(marks['engine:early-start']).toBeUndefined();
    expect(marks['engine:worker-started']).toBeGreaterThan(marks[SVELTEKIT_START]!);
  });
});
