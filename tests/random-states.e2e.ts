import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { BrowserContext, Page } from 'playwright-core';
import { launch, openPage, waitForEngine, type Recorder } from './support/browser';
import { download } from './support/downloads';
import { str } from './support/oracle';
import { caseIds, effective, kpis, participationCount, valueNames, type State } from './support/page-oracle';
import { expected, observe } from './support/page-figures';
import { filterChips } from './support/page-reading';
import { loadDomains, randomState, type Domains } from './support/random-state';
import { mulberry32 } from '../scripts/data/prng';
import { afterNewEntry, navigate, pressSomething, query } from './support/state-walk';

/**
 * Seeded random filter states opened from their URLs on every dashboard page. For each:
 * the KPIs, the visuals' 「表で見る」 tables, the filter bar, the downloaded Parquet (rows and
 * `filters` metadata), the address and the history must agree with an independent oracle
 * (tests/support/page-oracle.ts: plain SQL, not the app's compiler or declarations).
 * Two ways in, as users arrive: a link opened in a new tab (the page loads, the engine
 * starts) and a link followed inside the dashboard (client-side navigation: the URL is read
 * again, the engine is already there). The second costs no engine start, so it covers more
 * of the space in the same time.
 * The seed changes every day (the UTC date, e.g. 20261207), so the suite explores more of the
 * space from run to run; it is in the test names, and SEED=<n> replays a run. STATES=<n>
 * (opened in a new tab) and LINKED=<n> (followed inside the dashboard) change how many random
 * states are drawn; `npm run test:states` draws many more (package.json).
 */
const base = inject('baseUrl');
const SEED = Number(process.env.SEED ?? new Date().toISOString().slice(0, 10).replaceAll('-', ''));
const COUNT = Number(process.env.STATES ?? 4);
const LINKED = Number(process.env.LINKED ?? 20);
let context: BrowserContext;
let db: DuckDBConnection;
const recs: Recorder[] = [];
let dom: Domains;

const q = async (sql: string) => (await db.runAndReadAll(sql)).getRowObjectsJS();

/**
 * Opens `path?state` in a fresh tab and checks everything. `dropped` lists parameters the
 * URL carries that the page must refuse (with a notice); `canonical` is the state the page
 * must end up in (default: `state` minus `dropped`).
 */
async function check(path: string, state: State, opts: { extra?: string; dropped?: string[]; canonical?: State } = {}) {
  const url = urlOf(path, state, opts.extra);
  const { page, rec } = await openPage(context, url);
  recs.push(rec);
  try {
    // history.length when the document started, before any script of the page ran (tests/support/browser.ts).
    const h0 = await page.evaluate(() => (window as unknown as { historyAtStart: number }).historyAtStart);
    await waitForEngine(page);
    await checkOpened(page, rec, path, state, { ...opts, historyBefore: h0 });
  } finally {
    await page.close();
  }
}

/**
 * Runs independent checks two tabs at a time (in one context: the second starts from the
 * first's cached wasm). While one tab's engine starts (CPU-bound), the other's checks (the
 * oracle, downloads) leave a core free. The tab behind gets few frames, which the checks do
 * not wait for; giving each tab a context of its own was slower here (225 s against 200 s).
 */
async function twoAtATime(...checks: (() => Promise<void>)[]) {
  const queue = [...checks];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) await next();
  };
  await Promise.all([worker(), worker()]);
}

/** The state a page must end up in: `canonical`, or `state` minus the parameters it refuses. */
const canonicalOf = (state: State, opts: { dropped?: string[]; canonical?: State }): State =>
  opts.canonical ?? Object.fromEntries(Object.entries(state).filter(([k]) => !opts.dropped?.includes(k)));

const urlOf = (path: string, state: State, extra?: string) => {
  const search = [query(state), extra].filter(Boolean).join('&');
  return `${base}${path}${search ? `?${search}` : ''}`;
};

/**
 * Follows a link to `path?state` inside a dashboard page that is already open (SvelteKit
 * navigates client-side, as for the pages' own links), or goes Back to it, then checks
 * everything as `check` does. Following the link adds exactly one history entry (less the
 * entries ahead it replaces after a Back; a link to the very address shown replaces the
 * current entry, as browsers do), Back none; reading the state adds none.
 */
async function followLink(
  page: Page,
  rec: Recorder,
  path: string,
  state: State,
  how: 'link' | 'back' = 'link',
  forwardEntries = 0,
  opts: { extra?: string; dropped?: string[]; canonical?: State } = {}
) {
  const url = urlOf(path, state, opts.extra);
  // A link whose values the page refuses ends at the address without them (replaced, no second entry).
  const lands = opts.dropped?.length ? urlOf(path, canonicalOf(state, opts)) : url;
  const { from, before } = await navigate(page, url, how, lands);
  const same = new URL(url).href === new URL(from).href;
  const length = how === 'back' || same ? before : afterNewEntry(before, forwardEntries);
  await checkOpened(page, rec, path, state, { ...opts, historyBefore: length, from: `${from}${how === 'back' ? ' by Back' : ''}` });
}

/** Presses a random 「選択」 button and checks the page for the state its address then holds: one history entry. */
async function press(page: Page, rec: Recorder, path: string, rnd: () => number): Promise<State | null> {
  const pressed = await pressSomething(page, path, rnd);
  if (pressed) await checkOpened(page, rec, path, pressed.state, { historyBefore: afterNewEntry(pressed.before), from: `${pressed.from} by a 選択 button` });
  return pressed?.state ?? null;
}

async function checkOpened(
  page: Page,
  rec: Recorder,
  path: string,
  state: State,
  opts: { dropped?: string[]; canonical?: State; historyBefore: number; from?: string }
) {
  const url = opts.from ? `${page.url()} (followed from ${opts.from})` : page.url();
  const h0 = opts.historyBefore;
  {
    const canonical = canonicalOf(state, opts);
    const want = await expected(path, canonical);
    await expect
      .poll(async () => (await page.$$('main [aria-busy="true"]')).length === 0 && observe(page, path), { timeout: 20000, message: url })
      .toEqual(want);

    // The address: exactly the canonical state (+ asof), each value encoded once; loading added no history entry.
    const got = await page.evaluate(() => ({ search: location.search, length: history.length }));
    const params = [...new URLSearchParams(got.search)].filter(([k]) => k !== 'asof').sort();
    expect(params, url).toEqual([...new URLSearchParams(query(canonical))].sort());
    expect(got.search).not.toMatch(/%25/);
    expect(got.length, `opening a link adds no history entry: ${url}`).toBe(h0);
    if (opts.dropped?.length) {
      const notice = await page.getByTestId('url-notice').textContent();
      for (const d of opts.dropped) expect(notice).toContain(d);
    } else expect(await page.getByTestId('url-notice').count()).toBe(0);

    // The filter bar names what the page is filtered by (defaults included), in words.
    const eff = effective(path, canonical);
    const chips = await filterChips(page);
    if (Object.keys(eff).length === 0) expect(await page.getByTestId('filter-bar').textContent()).toContain('なし（全件）');
    expect(chips.length).toBe(Object.keys(eff).length);
    const barText = chips.join(' / ');
    for (const [param, v] of Object.entries(eff)) for (const n of await valueNames(param, v)) expect(barText, param).toContain(n);
    for (const param of ['muni', 'pa-map']) for (const code of (eff[param] as string[] | undefined) ?? []) expect(barText).not.toContain(code);

    // The download: the page's rows, and the same words in the dialog, the metadata and the file name.
    const file = await download(page, '事例', 'Parquet');
    const dialogText = (await page.getByTestId('download-filters').textContent())?.trim();
    expect(dialogText).toBe(chips.length ? barText : '絞り込みなし（全件）');
    const ids = (await q(`SELECT case_id FROM read_parquet(${str(file.path)}) ORDER BY case_id`)).map((r) => String(r.case_id));
    expect(ids, `${url} download`).toEqual(await caseIds(eff));
    const kv = Object.fromEntries(
      (await q(`SELECT decode(key) AS k, decode(value) AS v FROM parquet_kv_metadata(${str(file.path)})`)).map((r) => [r.k, r.v])
    );
    expect(kv.filters).toBe(dialogText);
    if (chips.length) expect(file.name).not.toContain('_全件_');
    if (path === '/participation') {
      const part = await download(page, '参加自治体', 'Parquet');
      const n = (await q(`SELECT count(*)::INT AS n FROM read_parquet(${str(part.path)})`))[0]!.n;
      expect(n, `${url} participation download`).toBe(await participationCount(eff));
    }
    expect(rec.consoleErrors, url).toEqual([]);
  }
}

beforeAll(async () => {
  context = await launch();
  db = await (await DuckDBInstance.create(':memory:')).connect();
  dom = await loadDomains();
});
afterAll(async () => {
  await context?.close();
});

describe('each defect of issue 9, opened from its URL', () => {
  // In a new tab (the page loads and reads its address, the engine starts): the bare pages and
  // malformed values, which were wrong or crashed on load.
  it('1–2: bare /systems and /participation: the default system everywhere (KPIs, filter bar, download 47 cases / 1,699 rows)', async () => {
    await twoAtATime(() => check('/systems', {}), () => check('/participation', {}));
  });
  it('issue 10.6: malformed values are dropped with a notice, never crash, never reach SQL', async () => {
    await twoAtATime(
      () => check('/cases', { sys: ['S08'] }, { extra: 'year=-..', dropped: ['year'] }),
      () => check('/systems', {}, { extra: 'sy-env=%00', dropped: ['sy-env'] })
    );
  });
  // Followed as links inside one open dashboard tab (the page reads the address again, as on
  // load, without another engine start): each defect's state, and after each the check of
  // everything as above.
  const DEFECTS: { name: string; path: string; state: State; opts?: { extra?: string; dropped?: string[]; canonical?: State } }[] = [
    { name: '1: other filters keep the default system in the download', path: '/systems', state: { 'sy-burden': ['あり'] } },
    { name: '1: … on /participation too', path: '/participation', state: { year: { min: 2014, max: 2021 } } },
    { name: '3: /systems keeps sy-years next to other filters', path: '/systems', state: { 'sy-years': { min: 2006, max: 2013 }, 'sy-env': ['クラウドサービス'] } },
    { name: '3: … with a system chosen', path: '/systems', state: { sys: ['S08'], 'sy-years': { min: 2003, max: 2007 }, 'sy-env': ['クラウドサービス'] } },
    { name: '4: /participation: the map selection applies to every part of the page and the download', path: '/participation', state: { sys: ['S02'], 'pa-map': ['131172', '132063'] } },
    { name: '5: … and the municipality slicer', path: '/participation', state: { sys: ['S08'], muni: ['062014'] } },
    { name: '6: /systems?sys=S08,S02 is normalised to one system with a notice', path: '/systems', state: { sys: ['S08', 'S02'] }, opts: { dropped: ['sys'], canonical: { sys: ['S08'] } } },
    { name: '8: a municipality reads as its name under its own label', path: '/participation', state: { muni: ['011002'] } },
    { name: '10.6: an overlong year range', path: '/systems', state: {}, opts: { extra: `sy-years=1${'0'.repeat(400)}..`, dropped: ['sy-years'] } },
    { name: '10.6: a NUL in a code', path: '/cases', state: {}, opts: { extra: 'pref=13%00', dropped: ['pref'] } }
  ];
  it(`1, 3–6, 8, 10.6 followed as links: ${DEFECTS.map((d) => d.name.split(':')[0]).join(', ')}`, async () => {
    const { page, rec } = await openPage(context, `${base}/`);
    recs.push(rec);
    try {
      await waitForEngine(page);
      for (const d of DEFECTS) await followLink(page, rec, d.path, d.state, 'link', 0, d.opts);
    } finally {
      await page.close();
    }
  });
});

describe(`${COUNT} + ${LINKED} seeded random states (SEED=${SEED})`, () => {
  const pages = ['/', '/cases', '/systems', '/participation', '/prefectures'];
  const rnd = mulberry32(SEED).next;
  const states = (n: number) => Array.from({ length: n }, (_, i) => ({ path: pages[i % pages.length]!, state: randomState(dom, pages[i % pages.length]!, rnd) }));
  it('every page agrees with the oracle in every state opened in a new tab', { timeout: 30 * 60_000 }, async () => {
    await twoAtATime(...states(COUNT).map((next) => () => check(next.path, next.state)));
  });
  it('every page agrees with the oracle in every state reached by a link inside the dashboard', { timeout: 30 * 60_000 }, async () => {
    // Two tabs, each walking from state to state (and page to page) without reloading, and
    // Back now and then; each takes every other state, so a seed replays the same walks.
    const all = states(LINKED);
    const walker = async (first: string, mine: typeof all, rnd = mulberry32(SEED + first.length).next) => {
      const { page, rec } = await openPage(context, `${base}${first}`);
      recs.push(rec);
      try {
        await waitForEngine(page);
        // The states of the history entries up to the current one, as checked.
        const trail: { path: string; state: State }[] = [];
        let ahead = 0;
        for (const [i, next] of mine.entries()) {
          await followLink(page, rec, next.path, next.state, 'link', ahead);
          trail.push(next);
          ahead = 0;
          // Now and then a press on one of the page's visuals, checked against the address it writes.
          const pressed = rnd() < 0.4 ? await press(page, rec, next.path, rnd) : null;
          if (pressed) trail.push({ path: next.path, state: pressed });
          // Every third state, Back to the entry before: it must come back whole.
          const prev = trail.at(-2);
          if (i % 3 === 2 && prev) {
            await followLink(page, rec, prev.path, prev.state, 'back');
            trail.pop();
            ahead = 1;
          }
        }
      } finally {
        await page.close();
      }
    };
    await Promise.all([walker('/', all.filter((_, i) => i % 2 === 0)), walker('/systems', all.filter((_, i) => i % 2 === 1))]);
  });
});

describe('links written by the pages', () => {
  it('7: a click writes each value once-encoded; back and forward restore the states', async () => {
    const { page, rec } = await openPage(context, `${base}/systems?sy-env=${encodeURIComponent('クラウドサービス')}`);
    recs.push(rec);
    await waitForEngine(page);
    const opened = await page.evaluate(() => history.length);
    await page.locator('[data-testid="sy-burden"] details summary').click();
    await page.locator('[data-testid="sy-burden"] details button', { hasText: /./ }).first().click();
    await expect.poll(() => page.evaluate(() => location.search)).toMatch(/sy-burden=/);
    const search = await page.evaluate(() => location.search);
    expect(search).not.toMatch(/%25/);
    expect(new URLSearchParams(search).get('sy-env')).toBe('クラウドサービス');
    expect(await page.evaluate(() => history.length), 'one click, one history entry').toBe(opened + 1);
    // The clicked state's figure, from the oracle (the KPI may still be computing right after the click).
    const burden = new URLSearchParams(search).get('sy-burden')!;
    const clicked = await kpis(effective('/systems', { 'sy-env': ['クラウドサービス'], 'sy-burden': [burden] }));
    await expect.poll(() => page.getByTestId('kpi-case-count').textContent()).toBe(`${clicked.cases}件`);
    await page.goBack();
    await expect.poll(() => page.evaluate(() => location.search)).not.toMatch(/sy-burden/);
    const k = await kpis(effective('/systems', { 'sy-env': ['クラウドサービス'] }));
    await expect.poll(() => page.getByTestId('kpi-case-count').textContent()).toBe(`${k.cases}件`);
    await page.goForward();
    await expect.poll(() => page.evaluate(() => new URLSearchParams(location.search).get('sy-burden'))).toBe(burden);
    await expect.poll(() => page.getByTestId('kpi-case-count').textContent()).toBe(`${clicked.cases}件`);
    await page.close();
  });

  it('found by SEED=20261208 and 20261209: leaving a one-system page for a page of several systems keeps them all (link and Back)', async () => {
    // /systems and /participation show one system (sys=S08,S02 is cut to S08 there, defect 6);
    // the page being left read the next page's address with its own rules and cut it too.
    const { page, rec } = await openPage(context, `${base}/cases?${query({ sys: ['S17', 'S20', 'S08'] })}`);
    recs.push(rec);
    try {
      await waitForEngine(page);
      await followLink(page, rec, '/participation', { sys: ['S09'], muni: ['016675'] });
      await followLink(page, rec, '/cases', { sys: ['S17', 'S20', 'S08'] }, 'back');
      await followLink(page, rec, '/systems', { sys: ['S10'] }, 'link', 1);
      await followLink(page, rec, '/cases', { sys: ['S18', 'S06'] });
      await followLink(page, rec, '/', { 'ov-systems': ['S20', 'S02'] });
    } finally {
      await page.close();
    }
  });

  it('logged no console errors, no CSP violations and no request off its own origin', () => {
    for (const rec of recs) {
      expect(rec.consoleErrors).toEqual([]);
      expect(rec.cspViolations).toEqual([]);
      expect(rec.offOrigin).toEqual([]);
    }
  });
});
