/** Median and spread of repeated measurements. */
export interface Spread {
  n: number;
  median: number;
  min: number;
  max: number;
  p95: number;
}

export function spread(values: number[]): Spread | null {
  const xs = values.filter((v) => Number.isFinite(v) && v >= 0).sort((a, b) => a - b);
  if (!xs.length) return null;
  const at = (p: number) => xs[Math.min(xs.length - 1, Math.max(0, Math.ceil(p * xs.length) - 1))]!;
  const mid = xs.length / 2;
  const median = xs.length % 2 ? xs[Math.floor(mid)]! : (xs[mid - 1]! + xs[mid]!) / 2;
  return { n: xs.length, median, min: xs[0]!, max: xs[xs.length - 1]!, p95: at(0.95) };
}

export const fmt = (s: Spread | null, unit = 'ms', digits = 0): string =>
  s ? `${s.median.toFixed(digits)} ${unit} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)}, n=${s.n})` : '—';
