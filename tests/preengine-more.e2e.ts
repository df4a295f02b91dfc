import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { holdWasm, launch, openPage, waitForEngine, type Recorder } from './support/browser';
import { plain } from './support/oracle';
import { caseIds, caseWhere, effective, kpis, participationWhere, tileCounts, valueNames, type State } from './support/page-oracle';
import { KPI_IDS, shownKpis, shownNumber } from './support/page-figures';
import { addressUpdated, filterChips, tableOf, untilHydrated } from './support/page-reading';

/**
 * No input is lost while the engine loads, on the pages tests/preengine.e2e.ts does not open:
 * /participation, /cases (事例一覧) and /prefectures. DuckDB-WASM's .wasm is held back at the
 * network (one context, one hold, one page load per page, plus /participation?muni= for a
 * municipality given in the address); each page gets its input, is checked while the engine is
 * still held (the address and the filter bar keep the input; figures the build-time answers
 * cover equal the oracle, the rest is pending — 集計中, never 0 and never the unfiltered view),
 * then the wasm is released and every figure is compared with the independent oracle
 * (tests/support/page-oracle.ts: plain SQL over the views, not the app's compiler).
 */
const base = inject('baseUrl');
let context: BrowserContext;
let release: () => void = () => {};
const pages: Record<'participation' | 'municipality' | 'cases' | 'prefectures', { page: Page; rec: Recorder }> = {} as never;

const sorted = (xs: readonly (string | null)[]) => [...xs].map(String).sort();
const param = async (p: Page, name: string) => new URL(await addressUpdated(p)).searchParams.get(name);
const busy = (p: Page, testid: string) => p.getByTestId(testid).getAttribute('aria-busy');
const engineStarted = (p: Page) =>
  p.evaluate(() => performance.getEntriesByName('engine-ready').length > 0 || document.querySelector('[data-testid="engine-ready"]') !== null);
// /participation ----------------------------------------------------------------------------
/** Tile texts by prefecture name: the participating count on each tile (0 left out, as the oracle has no row for it). */
const shownTiles = (p: Page) =>
  p.$$eval('[data-testid="pa-tiles"] button.tile', (bs) =>
    Object.fromEntries(
      bs.map((b) => [b.querySelector('.name')!.textContent!.replace(/\s*\(\d+\)$/, ''), Number(b.querySelector('.count')!.textContent)]).filter(([, n]) => n !== 0)
    )
  );
/** The municipalities the map draws as participating under `s` (its own selection ignored), by the oracle. */
const joinedMunicipalities = async (s: State) =>
  (await plain(`SELECT DISTINCT p.lg_code FROM participation p JOIN cases c USING (case_id) WHERE ${participationWhere(s, ['pa-map'])} ORDER BY 1`)).map((r) =>
    String(r.lg_code)
  );
/** After the tile click (a one-click state of the default system), then after a システム名 choice too. */
const PA_CLICK = effective('/participation', { 'pa-tiles': ['14'] });
const PA_STATE: State = { sys: ['S08'], 'pa-tiles': ['14'] };
/** A municipality in the address (a shared link): 千代田区. Its list shows its cases in every system. */
const MUNI = '131016';
const muniListIds = (p: Page) => p.$$eval('[data-testid="pa-muni"] tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-case')));

// /cases --------------------------------------------------------------------------------------
const listIds = (p: Page) => p.$$eval('[data-testid="case-table"] tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-case-id')));
const CASES_STATE: State = { sys: ['S08'], year: { min: 2019, max: null } };

// /prefectures --------------------------------------------------------------------------------
const M = '[data-testid="pf-matrix"]';
/** Each matrix row by system id: its 都道府県数 and the column names marked ●. */
const shownMatrix = (p: Page) =>
  p.$eval(M, (t) => {
    const cols = Array.from(t.querySelectorAll('thead th.pref button'), (b) => b.textContent!.trim());
    return Object.fromEntries(
      Array.from(t.querySelectorAll('tbody tr'), (tr) => [
        tr.getAttribute('data-system')!,
        {
          prefectures: Number(tr.querySelector('td.num')!.textContent),
          on: Array.from(tr.querySelectorAll('td.cell span[aria-hidden]'), (s, i) => (s.textContent === '●' ? cols[i]! : '')).filter(Boolean)
        }
      ])
    );
  });
/** The matrix under `s` (its own two selections ignored), by the oracle: every system but その他システム. */
async function expectedMatrix(s: State, columns: string[]) {
  const where = caseWhere(s, ['pf-sys', 'pf-pref']);
  const systems = await plain(`SELECT system_id FROM system WHERE system_name <> 'その他システム'`);
  const totals = await plain(`SELECT system_id, count(DISTINCT prefecture_code)::INT AS n FROM cases c WHERE ${where} GROUP BY 1`);
  const pairs = await plain(
    `SELECT DISTINCT c.system_id, pr.prefecture_name FROM cases c JOIN prefecture pr USING (prefecture_code) WHERE ${where} ORDER BY pr.prefecture_code`
  );
  return Object.fromEntries(
    systems.map(({ system_id: id }) => [
      String(id),
      {
        prefectures: Number(totals.find((t) => t.system_id === id)?.n ?? 0),
        on: pairs.filter((r) => r.system_id === id && columns.includes(String(r.prefecture_name))).map((r) => String(r.prefecture_name))
      }
    ])
  );
}
/** The matrix's rows and the distinct texts of its figure cells (都道府県数 and ●/-: what is seen, then what is read aloud). */
const pendingCells = (p: Page) =>
  p.$eval(M, (t) => ({
    rows: t.querySelectorAll('tbody tr').length,
    texts: [...new Set(Array.from(t.querySelectorAll('tbody td'), (td) => td.textContent!.trim()))]
  }));
const allPrefectures = async () => (await plain('SELECT prefecture_name FROM prefecture ORDER BY prefecture_code')).map((r) => String(r.prefecture_name));
const pfListIds = (p: Page) => p.$$eval('[data-testid="pf-cases"] tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-case')));
const PF_STATE: State = { 'pf-sys': ['S08'], pref: ['14'] };

beforeAll(async () => {
  context = await launch();
  release = await holdWasm(context);
  const [participation, municipality, cases, prefectures] = await Promise.all(
    ['/participation', `/participation?muni=${MUNI}`, '/cases', '/prefectures'].map((path) => openPage(context, `${base}${path}`))
  );
  Object.assign(pages, { participation, municipality, cases, prefectures });
  await Promise.all([
    participation!.page.waitForFunction(() => performance.getEntriesByName('click-figures').length > 0, null, { timeout: 30000 }),
    untilHydrated(cases!.page, '[data-testid="slicer-system"] input[type="checkbox"]'),
    untilHydrated(cases!.page, '[data-testid="slicer-year-min"]'),
    untilHydrated(prefectures!.page, '#prefecture-select')
  ]);
});
afterAll(async () => {
  release();
  await context?.close();
});

// The tabs share one context; the one acted on is brought to the front first (a tab in the
// background is throttled: a click in one took ≈ 2 s here instead of ≈ 0.1 s).
type Tab = keyof typeof pages;
const inFront = async (tab: Tab) => (await pages[tab].page.bringToFront(), pages[tab]);
/** The tab in front, once the released engine is ready there. */
const released = async (tab: Tab) => (await inFront(tab), await waitForEngine(pages[tab].page), pages[tab]);
/** Nothing on screen as an alert, no console error. */
async function expectNoErrors(page: Page, rec: Recorder) {
  expect(await page.getByRole('alert').count()).toBe(0);
  expect(rec.consoleErrors).toEqual([]);
}
describe('inputs before the engine is ready, wasm held back', () => {
  it('/participation: a tile click gives the KPIs the oracle’s figures at once (one-click figures); the tiles stay; the map waits', async () => {
    const { page } = await inFront('participation');
    await page.locator('[data-testid="pa-tiles"] button[data-code="14"]').click();
    await expect.poll(() => param(page, 'pa-tiles')).toBe('14');
    expect(await filterChips(page)).toContain('都道府県（タイルで選択）: 神奈川県');
    const k = await kpis(PA_CLICK);
    expect(k.cases).toBeGreaterThan(0);
    await expect.poll(() => shownKpis(page)).toEqual([k.cases, k.prefs, k.munis]);
    // The tiles ignore their own selection: the default view's figures, the clicked tile pressed.
    expect(await shownTiles(page)).toEqual(await tileCounts(PA_CLICK, ['pa-tiles']));
    expect(await page.locator('[data-testid="pa-tiles"] button[data-code="14"]').getAttribute('aria-pressed')).toBe('true');
    expect(await busy(page, 'pa-tiles')).toBe('false');
    expect(await busy(page, 'pa-map')).toBe('true');
    // The map has no rows before the engine: pending, not 「全0市区町村のうち0市区町村が参加」.
    expect(await page.getByTestId('pa-map-summary').textContent()).toBe('市区町村の参加状況（地図）。集計中。');
    expect(await engineStarted(page)).toBe(false);
  });

  it('/participation: then a システム名 choice, which no build-time figures answer: KPIs and tiles wait (集計中, not 0); the address keeps both', async () => {
    const { page } = pages.participation;
    await page.locator('#system-select').selectOption({ label: '施設予約システム' });
    await expect.poll(() => param(page, 'sys')).toBe('S08');
    expect(await param(page, 'pa-tiles')).toBe('14');
    expect(await filterChips(page)).toEqual(['都道府県（タイルで選択）: 神奈川県', 'システム名: 施設予約システム（事業部門）']);
    expect(await page.getByTestId('system-name').textContent()).toBe('施設予約システム');
    expect(await Promise.all(KPI_IDS.map((id) => page.getByTestId(id).textContent()))).toEqual(['—件', '—都道府県', '—団体']);
    expect(await page.getByTestId('pa-tiles-summary').textContent()).toBe('都道府県ごとの参加市区町村数。集計中。');
    expect(await busy(page, 'pa-tiles')).toBe('true');
    expect(await engineStarted(page)).toBe(false);
  });

  it('/participation?muni=: the municipality in the address is kept; its list’s count waits (集計中, not 0件)', async () => {
    const { page } = await inFront('municipality');
    expect(await param(page, 'muni')).toBe(MUNI);
    await expect.poll(() => page.getByTestId('pa-muni-count').textContent()).toBe('参加している事例（すべてのシステム）: 集計中…');
    expect(await busy(page, 'pa-muni')).toBe('true');
    expect(await muniListIds(page)).toEqual([]);
    expect(await engineStarted(page)).toBe(false);
  });

  it('/cases: a システム名 choice and a 導入時期 start are kept (address, filter bar); the list waits, never showing the unfiltered 245', async () => {
    const { page } = await inFront('cases');
    await page.getByText('システム名:').click();
    await page.getByRole('checkbox', { name: '施設予約システム' }).check();
    await page.getByTestId('slicer-year-min').selectOption('2019');
    await expect.poll(() => param(page, 'sys')).toBe('S08');
    expect(await param(page, 'year')).toBe('2019..');
    expect(await filterChips(page)).toEqual(['システム名: 施設予約システム（事業部門）', '導入時期: 2019年〜']);
    expect(await busy(page, 'case-list')).toBe('true');
    expect(await listIds(page)).toEqual([]);
    expect(await page.getByTestId('case-table-empty').count()).toBe(0);
    expect(await page.getByTestId('kpi-case-count').textContent()).not.toContain('245');
    expect(await engineStarted(page)).toBe(false);
  });

  it('/prefectures: a system row click then the 都道府県 slicer are kept; the matrix shows the oracle’s until its filter changes, then waits', async () => {
    const { page } = await inFront('prefectures');
    await page.getByRole('button', { name: '施設予約システムで絞り込む' }).click();
    await expect.poll(() => param(page, 'pf-sys')).toBe('S08');
    // The matrix ignores its own selection: still the prerendered figures, equal to the oracle.
    expect(await shownMatrix(page)).toEqual(await expectedMatrix({ 'pf-sys': ['S08'] }, await allPrefectures()));
    await expect.poll(() => busy(page, 'pf-cases')).toBe('true');
    expect(await page.getByTestId('pf-cases-count').textContent()).toBe('集計中…'); // not 「0件の事例」
    await page.locator('#prefecture-select').selectOption({ label: '神奈川県' });
    await expect.poll(() => param(page, 'pref')).toBe('14');
    expect(await param(page, 'pf-sys')).toBe('S08');
    expect(await filterChips(page)).toEqual(['システム（表で選択）: 施設予約システム（事業部門）', '都道府県: 神奈川県']);
    expect(await busy(page, 'pf-matrix')).toBe('true');
    expect(await busy(page, 'pf-cases')).toBe('true');
    // Pending, not stated as facts: no 「0都道府県」 and no 「-」(回答なし) for 神奈川県, whose cases the engine has yet to count.
    expect(await page.getByTestId('pf-matrix-summary').textContent()).toBe('都道府県ごとの共同調達の実施状況。集計中。');
    expect(await pendingCells(page)).toEqual({ rows: 22, texts: ['…集計中'] });
    expect(await page.getByTestId('pf-cases-count').textContent()).toBe('集計中…');
    expect(await engineStarted(page)).toBe(false);
  });
});

describe('once the wasm is released', () => {
  it('/participation: after release, the map, the tiles and the KPIs equal the oracle for the system and tile kept in the address', async () => {
    release();
    const { page, rec } = await released('participation');
    const joined = await joinedMunicipalities(PA_STATE);
    expect(joined.length).toBe((await kpis(PA_STATE)).munis);
    await expect.poll(() => busy(page, 'pa-map'), { timeout: 20000 }).toBe('false');
    await expect.poll(async () => sorted((await tableOf(page, 'pa-map')).map((r) => r[2]!))).toEqual(joined);
    expect(await page.getByTestId('pa-map-summary').textContent()).toContain(`のうち${joined.length}市区町村が参加`);
    const k = await kpis(PA_STATE);
    expect(k.cases).toBeGreaterThan(0);
    await expect.poll(() => shownKpis(page)).toEqual([k.cases, k.prefs, k.munis]);
    expect(await shownTiles(page)).toEqual(await tileCounts(PA_STATE, ['pa-tiles']));
    expect([await param(page, 'sys'), await param(page, 'pa-tiles')]).toEqual(['S08', '14']);
    await expectNoErrors(page, rec);
  });

  it('/participation?muni=: after release, the list and its count equal the oracle (every case of the municipality, all systems)', async () => {
    const { page, rec } = await released('municipality');
    const want = await caseIds({ muni: [MUNI] });
    expect(want.length).toBeGreaterThan(1);
    await expect.poll(() => busy(page, 'pa-muni'), { timeout: 20000 }).toBe('false');
    expect(sorted(await muniListIds(page))).toEqual(want);
    expect(await page.getByTestId('pa-muni-count').textContent()).toBe(`参加している事例（すべてのシステム）: ${want.length}件`);
    expect(await filterChips(page)).toContain(`参加市区町村: ${(await valueNames('muni', [MUNI]))[0]}`);
    expect(await param(page, 'muni')).toBe(MUNI);
    await expectNoErrors(page, rec);
  });

  it('/cases: the list and its count equal a direct query of the kept state', async () => {
    const { page, rec } = await released('cases');
    const want = await caseIds(CASES_STATE);
    expect(want.length).toBeGreaterThan(0);
    await expect.poll(() => busy(page, 'case-list'), { timeout: 20000 }).toBe('false');
    expect(sorted(await listIds(page))).toEqual(want);
    const k = await kpis(CASES_STATE);
    expect(shownNumber(await page.getByTestId('kpi-case-count').textContent())).toBe(k.cases);
    expect(shownNumber(await page.getByTestId('kpi-prefecture-count').textContent())).toBe(k.prefs);
    expect([await param(page, 'sys'), await param(page, 'year')]).toEqual(['S08', '2019..']);
    await expectNoErrors(page, rec);
  });

  it('/prefectures: the matrix (神奈川県 only) and the case list equal the oracle for both kept inputs', async () => {
    const { page, rec } = await released('prefectures');
    await expect.poll(() => busy(page, 'pf-matrix'), { timeout: 20000 }).toBe('false');
    expect(await shownMatrix(page)).toEqual(await expectedMatrix(PF_STATE, ['神奈川県']));
    const want = await caseIds(PF_STATE);
    expect(want.length).toBeGreaterThan(0);
    await expect.poll(() => busy(page, 'pf-cases'), { timeout: 20000 }).toBe('false');
    expect(sorted(await pfListIds(page))).toEqual(want);
    expect(await page.getByTestId('pf-cases-count').textContent()).toBe(`${want.length}件の事例`);
    expect([await param(page, 'pf-sys'), await param(page, 'pref')]).toEqual(['S08', '14']);
    await expectNoErrors(page, rec);
  });
});
