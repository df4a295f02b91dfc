import { plain, str } from './oracle';

/**
 * What each dashboard page must show for a URL state, written as plain SQL from the
 * README's semantics, independently of the app's declarations and compiler:
 * - every parameter filters the page's cases (AND); a visual ignores its own selection;
 * - /systems and /participation show 自治体情報セキュリティクラウド (S01) when `sys` is absent;
 * - municipality parameters (`muni`, `pa-map`) keep the cases those municipalities take part
 *   in, and restrict participation rows (参加市区町村数, the 参加自治体 file) to them;
 * - /participation's 自治体を選択 list shows every case of the chosen municipalities, all systems.
 */
export type Range = { min: number | null; max: number | null };
export type State = Record<string, string[] | Range>;

export const isRange = (v: string[] | Range): v is Range => !Array.isArray(v);

/** Parameter → what it constrains (the test's own table, not the app's registry). */
const CASE_COLUMN: Record<string, string> = {
  sys: 'system_id', 'ov-systems': 'system_id', 'pf-sys': 'system_id',
  pref: 'prefecture_code', 'ov-prefectures': 'prefecture_code', 'pa-tiles': 'prefecture_code', 'sy-prefs': 'prefecture_code', 'pf-pref': 'prefecture_code',
  year: 'start_year', 'sy-years': 'start_year', 'ov-years': 'start_year',
  'sy-env': 'environment_answer', 'sy-burden': 'pref_burden_answer', 'sy-subsidy': 'subsidy_answer'
};
const MUNICIPALITY_PARAMS = ['muni', 'pa-map'];

export const DEFAULT_SYSTEM: Record<string, string | undefined> = { '/systems': 'S01', '/participation': 'S01' };

/** The state a page works under: its default added. */
export function effective(path: string, s: State): State {
  const d = DEFAULT_SYSTEM[path];
  return d && !s.sys ? { ...s, sys: [d] } : s;
}

function condition(param: string, v: string[] | Range, alias: string): string {
  if (MUNICIPALITY_PARAMS.includes(param)) {
    if (isRange(v)) throw new Error(param);
    return `${alias}.case_id IN (SELECT case_id FROM participation WHERE lg_code IN (${v.map(str).join(', ')}))`;
  }
  const col = `${alias}.${CASE_COLUMN[param]}`;
  if (!CASE_COLUMN[param]) throw new Error(`unknown parameter ${param}`);
  if (isRange(v)) {
    const parts = [v.min !== null ? `${col} >= ${v.min}` : '', v.max !== null ? `${col} <= ${v.max}` : ''].filter(Boolean);
    return parts.join(' AND ') || 'TRUE';
  }
  return `${col} IN (${v.map((x) => (param.endsWith('years') ? String(Number(x)) : str(x))).join(', ')})`;
}

/** WHERE of the cases under `s` without the parameters in `skip`. */
export function caseWhere(s: State, skip: string[] = [], alias = 'c'): string {
  const conds = Object.entries(s).filter(([k]) => !skip.includes(k)).map(([k, v]) => condition(k, v, alias));
  return conds.length ? conds.join(' AND ') : 'TRUE';
}

/** Participation rows under `s`: of the filtered cases, municipality parameters applied to the row itself. */
export function participationWhere(s: State, skip: string[] = []): string {
  const rowConds = Object.entries(s)
    .filter(([k]) => MUNICIPALITY_PARAMS.includes(k) && !skip.includes(k))
    .map(([, v]) => `p.lg_code IN (${(v as string[]).map(str).join(', ')})`);
  return [caseWhere(s, [...skip, ...MUNICIPALITY_PARAMS]), ...rowConds].join(' AND ');
}

export async function kpis(s: State) {
  const [c] = await plain(`SELECT count(*)::INT AS cases, count(DISTINCT prefecture_code)::INT AS prefs FROM cases c WHERE ${caseWhere(s)}`);
  const [m] = await plain(`SELECT count(DISTINCT p.lg_code)::INT AS munis FROM participation p JOIN cases c USING (case_id) WHERE ${participationWhere(s)}`);
  return { cases: Number(c!.cases), prefs: Number(c!.prefs), munis: Number(m!.munis) };
}

export async function caseIds(s: State, skip: string[] = []): Promise<string[]> {
  return (await plain(`SELECT case_id FROM cases c WHERE ${caseWhere(s, skip)} ORDER BY case_id`)).map((r) => String(r.case_id));
}

export async function participationCount(s: State): Promise<number> {
  const [r] = await plain(`SELECT count(*)::INT AS n FROM participation p JOIN cases c USING (case_id) WHERE ${participationWhere(s)}`);
  return Number(r!.n);
}

/** Cases per value of a column, under `s` minus `skip`: what a bar chart / donut table lists. */
export async function countsBy(column: string, label: string, s: State, skip: string[], join = ''): Promise<Record<string, number>> {
  const rows = await plain(
    `SELECT ${label} AS k, count(*)::INT AS n FROM cases c ${join} WHERE ${caseWhere(s, skip)} AND ${column} IS NOT NULL GROUP BY 1`
  );
  return Object.fromEntries(rows.map((r) => [String(r.k), Number(r.n)]));
}

/** Participating municipalities per case prefecture (the tiles). */
export async function tileCounts(s: State, skip: string[]): Promise<Record<string, number>> {
  const rows = await plain(
    `SELECT pr.prefecture_name AS k, count(DISTINCT p.lg_code)::INT AS n FROM participation p JOIN cases c USING (case_id)
     JOIN prefecture pr ON pr.prefecture_code = c.prefecture_code WHERE ${participationWhere(s, skip)} GROUP BY 1`
  );
  return Object.fromEntries(rows.map((r) => [String(r.k), Number(r.n)]));
}

/** Names a person reads for a parameter's values (system, prefecture, municipality names; years). */
export async function valueNames(param: string, v: string[] | Range): Promise<string[]> {
  if (isRange(v)) return [v.min !== null ? `${v.min}年` : '', v.max !== null ? `${v.max}年` : ''].filter(Boolean);
  const col = CASE_COLUMN[param];
  if (MUNICIPALITY_PARAMS.includes(param)) return names(`SELECT display_name AS n FROM municipality WHERE lg_code IN (${v.map(str).join(', ')})`);
  if (col === 'system_id') return names(`SELECT system_name AS n FROM system WHERE system_id IN (${v.map(str).join(', ')})`);
  if (col === 'prefecture_code') return names(`SELECT prefecture_name AS n FROM prefecture WHERE prefecture_code IN (${v.map(str).join(', ')})`);
  if (col === 'start_year') return v.map((y) => `${y}年`);
  return v;
}
const names = async (sql: string) => (await plain(sql)).map((r) => String(r.n));
