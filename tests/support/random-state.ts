import { plain } from './oracle';
import type { Range, State } from './page-oracle';

/**
 * Seeded random filter states for tests/random-states.e2e.ts: which parameters each page
 * offers a control for, and values drawn from the data's own domains (so a pick often keeps
 * cases). The values are read with plain SQL (tests/support/oracle.ts), not the app's code.
 */
export interface Domains {
  systems: string[];
  prefectures: string[];
  years: number[];
  answers: Record<string, string[]>;
  municipalities: string[];
}

/** Which parameters each page offers a control for, and how to draw a value. */
export function randomState(dom: Domains, path: string, rnd: () => number): State {
  const pick = <T,>(xs: readonly T[], max = 1): T[] => {
    const n = 1 + Math.floor(rnd() * max);
    const out = new Set<T>();
    while (out.size < Math.min(n, xs.length)) out.add(xs[Math.floor(rnd() * xs.length)]!);
    return [...out];
  };
  const yearRange = (): Range => {
    const [a, b] = pick(dom.years, 2).concat(dom.years[Math.floor(rnd() * dom.years.length)]!).slice(0, 2).sort((x, y) => x - y);
    const open = rnd();
    return { min: open < 0.15 ? null : a!, max: open > 0.85 ? null : b! };
  };
  const params: Record<string, () => string[] | Range> = {
    sys: () => pick(dom.systems, path === '/cases' ? 3 : 1),
    pref: () => pick(dom.prefectures, 2),
    year: yearRange,
    muni: () => pick(dom.municipalities, 2),
    'ov-systems': () => pick(dom.systems, 2),
    'ov-prefectures': () => pick(dom.prefectures, 2),
    'ov-years': () => pick(dom.years, 2).map(String),
    'sy-env': () => pick(dom.answers.environment_answer!, 2),
    'sy-burden': () => pick(dom.answers.pref_burden_answer!, 2),
    'sy-subsidy': () => pick(dom.answers.subsidy_answer!, 2),
    'sy-years': yearRange,
    'sy-prefs': () => pick(dom.prefectures, 2),
    'pa-tiles': () => pick(dom.prefectures, 2),
    'pa-map': () => pick(dom.municipalities, 2),
    'pf-sys': () => pick(dom.systems, 2),
    'pf-pref': () => pick(dom.prefectures, 2)
  };
  const offered: Record<string, string[]> = {
    '/': ['ov-systems', 'ov-prefectures', 'ov-years'],
    '/cases': ['sys', 'year', 'pref'],
    '/systems': ['sys', 'year', 'sy-env', 'sy-burden', 'sy-subsidy', 'sy-years', 'sy-prefs'],
    '/participation': ['sys', 'year', 'muni', 'pa-tiles', 'pa-map'],
    '/prefectures': ['pref', 'pf-sys', 'pf-pref']
  };
  const s: State = {};
  for (const k of offered[path]!) if (rnd() < 0.35) s[k] = params[k]!();
  return s;
}

/** The values each parameter draws from. */
export async function loadDomains(): Promise<Domains> {
  const list = async (sql: string) => (await plain(sql)).map((r) => String(r.v));
  return {
    systems: await list(`SELECT system_id AS v FROM system ORDER BY system_order`),
    prefectures: await list(`SELECT prefecture_code AS v FROM prefecture ORDER BY 1`),
    years: (await list(`SELECT DISTINCT start_year AS v FROM cases WHERE start_year IS NOT NULL ORDER BY 1`)).map(Number),
    answers: Object.fromEntries(
      await Promise.all(
        ['environment_answer', 'pref_burden_answer', 'subsidy_answer'].map(async (c) => [c, await list(`SELECT DISTINCT ${c} AS v FROM cases ORDER BY 1`)])
      )
    ),
    // Municipalities that take part in something, so a pick often keeps cases.
    municipalities: await list(`SELECT DISTINCT lg_code AS v FROM participation ORDER BY 1`)
  };
}
