/**
 * `n` as `n.toLocaleString('ja-JP')` writes it (1733 → "1,733"), without Intl for integers:
 * the first `toLocaleString` of a page sets up ICU's number formatting, 53–104 ms of the main
 * thread on a slow 2-core machine, and the KPI cards did it while the page hydrated
 * (docs/performance.md, "Fifth session": "No ICU for the first figures"). Anything but a safe
 * integer (fractions, -0, NaN, ∞) is left to `toLocaleString`.
 */
export function groupDigits(n: number): string {
  if (!Number.isSafeInteger(n) || Object.is(n, -0)) return n.toLocaleString('ja-JP');
  const digits = String(Math.abs(n));
  let out = digits.slice(0, digits.length % 3 || 3);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return n < 0 ? `-${out}` : out;
}
