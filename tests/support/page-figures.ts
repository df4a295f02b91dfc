import type { Page } from 'playwright-core';
import { caseIds, countsBy, effective, kpis, tileCounts, type State } from './page-oracle';
import { tableOf } from './page-reading';

/**
 * The figures of a dashboard page in a filter state, two ways: `observe` reads what the page
 * shows (KPIs, each visual's 「表で見る」 table, list lengths) from the DOM; `expected` computes
 * the same from the independent oracle (tests/support/page-oracle.ts). The two must be equal.
 */
/** The KPI cards a dashboard page shows: cases, prefectures, municipalities. */
export const KPI_IDS = ['kpi-case-count', 'kpi-prefecture-count', 'kpi-municipality-count'];
/** A figure as the page writes it ("1,234件", "47都道府県") as a number. */
export const shownNumber = (t: string | null) => Number((t ?? '').replace(/[^\d]/g, ''));
/** The KPI cards' figures as shown (a page that has all three). */
export const shownKpis = (page: Page) => Promise.all(KPI_IDS.map(async (id) => shownNumber(await page.getByTestId(id).textContent())));
/** A table's rows (as read by tableOf) as label → figure, from the columns `key` and `value`. */
export const asMap = (rows: string[][], key: number, value: number) => Object.fromEntries(rows.map((r) => [r[key]!, shownNumber(r[value]!)]));

/** What the page shows, read from the DOM. */
export async function observe(page: Page, path: string) {
  const k = await Promise.all(KPI_IDS.map(async (id) => ((await page.getByTestId(id).count()) ? shownNumber(await page.getByTestId(id).textContent()) : null)));
  const tables: Record<string, Record<string, number>> = {};
  if (path === '/') {
    // その他システム exists in each 部門: a system is its 部門 and its name.
    tables['ov-systems'] = Object.fromEntries((await tableOf(page, 'ov-systems')).map((r) => [`${r[0]}/${r[1]}`, shownNumber(r[2]!)]));
    tables['ov-prefectures'] = asMap(await tableOf(page, 'ov-prefectures'), 0, 1);
    tables['ov-years'] = asMap(await tableOf(page, 'ov-years'), 0, 1);
  }
  if (path === '/systems') {
    for (const v of ['sy-env', 'sy-burden', 'sy-subsidy']) tables[v] = asMap(await tableOf(page, v), 0, 1);
    tables['sy-years'] = asMap(await tableOf(page, 'sy-years'), 0, 1);
    tables['sy-prefs'] = { rows: await page.locator('[data-testid="sy-prefs"] tbody tr').count() };
  }
  if (path === '/participation') {
    const tiles = await page.$$eval('[data-testid="pa-tiles"] button.tile', (bs) =>
      bs.map((b) => [b.querySelector('.name')!.textContent!.replace(/\s*\(\d+\)$/, '').trim(), Number(b.querySelector('.count')!.textContent)] as const)
    );
    tables['pa-tiles'] = Object.fromEntries(tiles.filter(([, n]) => n > 0));
    const count = page.getByTestId('pa-muni-count');
    tables['pa-muni'] = { rows: (await count.count()) ? shownNumber(await count.textContent()) : -1 };
  }
  if (path === '/cases') tables['case-list'] = { rows: await page.locator('[data-testid="case-table"] tbody tr').count() };
  if (path === '/prefectures') tables['pf-cases'] = { rows: await page.locator('[data-testid="pf-cases"] tbody tr').count() };
  return { kpis: k, tables };
}

/** The same, from the oracle. */
export async function expected(path: string, raw: State) {
  const s = effective(path, raw);
  const k = await kpis(s);
  const kpiList = path === '/prefectures' ? [null, null, null] : path === '/cases' ? [k.cases, k.prefs, null] : [k.cases, k.prefs, k.munis];
  const tables: Record<string, Record<string, number>> = {};
  const sysJoin = 'JOIN system sy ON sy.system_id = c.system_id';
  const prefJoin = 'JOIN prefecture pr ON pr.prefecture_code = c.prefecture_code';
  if (path === '/') {
    tables['ov-systems'] = await countsBy('c.system_id', "sy.division || '/' || sy.system_name", s, ['ov-systems'], sysJoin);
    tables['ov-prefectures'] = await countsBy('c.prefecture_code', 'pr.prefecture_name', s, ['ov-prefectures'], prefJoin);
    tables['ov-years'] = await countsBy('c.start_year', 'c.start_year', s, ['ov-years']);
  }
  if (path === '/systems') {
    tables['sy-env'] = await countsBy('c.environment_answer', 'c.environment_answer', s, ['sy-env']);
    tables['sy-burden'] = await countsBy('c.pref_burden_answer', 'c.pref_burden_answer', s, ['sy-burden']);
    tables['sy-subsidy'] = await countsBy('c.subsidy_answer', 'c.subsidy_answer', s, ['sy-subsidy']);
    tables['sy-years'] = await countsBy('c.start_year', 'c.start_year', s, ['sy-years']);
    tables['sy-prefs'] = { rows: (await caseIds(s, ['sy-prefs'])).length };
  }
  if (path === '/participation') {
    tables['pa-tiles'] = await tileCounts(s, ['pa-tiles']);
    const munis = [...((s.muni as string[] | undefined) ?? []), ...((s['pa-map'] as string[] | undefined) ?? [])];
    const listState: State = Object.fromEntries(Object.entries(s).filter(([key]) => key === 'muni' || key === 'pa-map'));
    tables['pa-muni'] = { rows: munis.length ? (await caseIds(listState)).length : -1 };
  }
  if (path === '/cases') tables['case-list'] = { rows: k.cases };
  if (path === '/prefectures') {
    const shown = raw.pref || raw['pf-sys'] || raw['pf-pref'];
    tables['pf-cases'] = { rows: shown ? k.cases : 0 };
  }
  return { kpis: kpiList, tables };
}
