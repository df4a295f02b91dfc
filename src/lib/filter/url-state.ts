import type { Scalar } from '../sql/quote';
import type { Clause } from './clause';
import type { FilterContext } from './filter-context';

/**
 * The filter context as a query string, so reload, back/forward and pasted links restore
 * a view. Each registered source owns one parameter named after it:
 *   in:    ?sys=S08,S02        (values comma-separated, each percent-encoded)
 *   range: ?year=2015..2020    (either end may be empty: 2015.. / ..2020)
 * Unknown parameters are ignored; malformed values are dropped, never turned into SQL.
 */
export interface UrlFilter {
  /** Clause source and URL parameter name. */
  source: string;
  field: string;
  kind: 'in' | 'range';
  valueType: 'string' | 'integer';
}

export function encodeFilters(ctx: FilterContext, registry: readonly UrlFilter[], into = new URLSearchParams()): URLSearchParams {
  for (const r of registry) into.delete(r.source);
  for (const c of ctx) {
    const r = registry.find((x) => x.source === c.source);
    if (!r) continue;
    const p = c.predicate;
    if (p.kind === 'in') into.set(r.source, p.values.map((v) => encodeURIComponent(String(v))).join(','));
    else into.set(r.source, `${p.min ?? ''}..${p.max ?? ''}`);
  }
  return into;
}

export function decodeFilters(params: URLSearchParams, registry: readonly UrlFilter[]): Clause[] {
  const out: Clause[] = [];
  for (const r of registry) {
    const raw = params.get(r.source);
    if (raw === null || raw === '') continue;
    if (r.kind === 'range') {
      const m = /^(-?\d*)\.\.(-?\d*)$/.exec(raw);
      if (!m || (m[1] === '' && m[2] === '')) continue;
      out.push({ source: r.source, field: r.field, predicate: { kind: 'range', min: m[1] ? Number(m[1]) : null, max: m[2] ? Number(m[2]) : null } });
      continue;
    }
    const values: Scalar[] = [];
    for (const part of raw.split(',')) {
      let v: string;
      try {
        v = decodeURIComponent(part);
      } catch {
        continue;
      }
      if (r.valueType === 'integer') {
        if (/^-?\d+$/.test(v)) values.push(Number(v));
      } else values.push(v);
    }
    if (values.length) out.push({ source: r.source, field: r.field, predicate: { kind: 'in', values } });
  }
  return out;
}
