import { model } from '$model/kyodo-model';
import { compileRows } from '$lib/query/compile';
import type { CompileResult } from '$lib/query/spec';

/**
 * How many case-detail pages a build writes. A static site needs one HTML file per case;
 * the survey's 245 are all written, but a 100,000- or 1,000,000-case build (DATA_DIR, see
 * docs/performance.md) never finished. So a build writes the first `CASE_PAGES` cases in
 * case_id order (default 1,000; `CASE_PAGES=all` for every one), plus any case a prerendered
 * page links to (SvelteKit's crawl). A case without a page answers 404; the error page (a link
 * inside the dashboard, src/routes/+error.svelte) and the static 404 page (an address opened
 * directly, src/routes/not-found.js) go on to the live case page, /cases/local#id=….
 */
export const DEFAULT_CASE_PAGES = 1000;

export function casePageLimit(setting: string | undefined = process.env.CASE_PAGES): number | undefined {
  if (setting === undefined || setting === '') return DEFAULT_CASE_PAGES;
  if (setting === 'all') return undefined;
  const n = Number(setting);
  if (!Number.isInteger(n) || n < 0) throw new Error(`CASE_PAGES must be a whole number ≥ 0 or "all", got ${JSON.stringify(setting)}`);
  return n;
}

/** The ids of the cases that get a page: the first `limit` in case_id order (all when undefined). */
export const pagedCaseIdsQuery = (limit: number | undefined): CompileResult =>
  compileRows(model, { from: 'cases', columns: ['cases.case_id'], orderBy: [{ key: 'case_id' }], ...(limit === undefined ? {} : { limit }) });
