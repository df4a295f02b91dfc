/**
 * The values a from–to slicer offers: its domain (the years the data has), plus either end of
 * the current range that the domain lacks — a link may hold any year within the codec's bounds
 * (`year=1990..2001`), and the slicer must show the range the filter bar names, not 「指定なし」.
 */
export function rangeOptions(domain: readonly number[], min: number | null, max: number | null): number[] {
  const ends = [min, max].filter((v): v is number => v !== null && !domain.includes(v));
  return ends.length ? [...new Set([...domain, ...ends])].sort((a, b) => a - b) : [...domain];
}
