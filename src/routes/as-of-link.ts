import { formatAsOf } from '$lib/db/local-data';

/** A real calendar date written YYYY-MM-DD (what links carry in `asof`). */
function isDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/**
 * What to tell a person who opened a link made with other data (`asof`, the as-of date the
 * link was made with), or null when there is nothing to say. A date is written as the
 * dashboard writes dates; a value that is no date is never shown (it may be anything a link
 * holds) and is said to be ignored.
 */
export function asOfLinkNotice(linked: string | null, current: string): string | null {
  if (!linked || linked === current) return null;
  const now = `${formatAsOf(current)}時点`;
  if (!isDate(linked)) return `このリンクのデータの時点（asof）は日付として読めないため、無視しています。現在表示しているのは${now}のデータです。`;
  return `このリンクは${formatAsOf(linked)}時点のデータで作成されました。現在表示しているのは${now}のデータです。数値が異なる場合があります。`;
}
