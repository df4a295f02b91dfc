/**
 * One JSON-safe value from either DuckDB: safe BigInts become numbers, larger ones stay
 * exact as decimal strings; dates become ISO `YYYY-MM-DD`.
 */
export function plainValue(v: unknown, isDate = false): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') {
    return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString();
  }
  if (isDate && typeof v === 'number') return new Date(v).toISOString().slice(0, 10);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}
