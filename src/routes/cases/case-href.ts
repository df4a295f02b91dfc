import { base } from '$app/paths';

/** The fragment parameter naming the case on /cases/local (`#id=…`). */
export const CASE_PARAM = 'id';

/**
 * Where a case's detail lives: its prerendered page for the shipped data, or the one live
 * page `/cases/local#id=…` for data the build never saw (the user's own), whose ids have no
 * page of their own on a static host. The id rides in the fragment, which browsers never
 * send: not even the site's own server learns an id of the user's data. `search` (the
 * list's query string) comes along so 「一覧に戻る」 returns to the same view.
 */
export function caseHref(id: string, search: string, shipped: boolean): string {
  if (shipped) return `${base}/cases/${encodeURIComponent(id)}${search}`;
  return `${base}/cases/local${search}#${new URLSearchParams({ [CASE_PARAM]: id })}`;
}

/** The case id of a /cases/local address (null: none given). */
export function caseIdOf(url: URL): string | null {
  return new URLSearchParams(url.hash.replace(/^#/, '')).get(CASE_PARAM) || null;
}
