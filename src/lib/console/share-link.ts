/** The console's URL carries its SQL (`?sql=`): opening such a link fills the editor and never runs it. */
export const SQL_PARAM = 'sql';

export function sqlFromUrl(url: URL): string | null {
  return url.searchParams.get(SQL_PARAM);
}

export function shareUrl(consoleUrl: URL, sql: string): string {
  const u = new URL(consoleUrl.href);
  u.search = '';
  u.hash = '';
  u.searchParams.set(SQL_PARAM, sql);
  return u.href;
}
