import type { Scalar } from '../sql/quote';
import type { Clause } from './clause';
import type { FilterContext } from './filter-context';

/**
 * The filter context as a query string — pure, errors as data. Each declared parameter
 * holds one clause:
 *   in:    ?sys=S08,S02        values comma-separated, each UTF-8 percent-encoded ONCE
 *   range: ?year=2015..2020    either end may be empty: 2015.. / ..2020
 * Decoding is lenient: an unknown parameter is left alone, an invalid value is dropped and
 * reported in `dropped` (for a visible notice); nothing invalid ever becomes a clause. A
 * parameter given twice is one list (`sys=S08&sys=S02`; a range: the first, the rest reported);
 * empty values (`sys=S08,`) are skipped.
 */
export interface ParamSpec {
  /** Clause source and URL parameter name. */
  source: string;
  field: string;
  kind: 'in' | 'range';
  valueType: 'string' | 'integer';
  /** What a person calls it (filter bar, notices). */
  label: string;
  /** Names links already shared may use; read, never written. */
  aliases?: readonly string[];
  /** The known values, when the domain is known. */
  domain?: readonly Scalar[];
  /** Shape of a string value when the domain is too large to list (e.g. 6-digit codes). */
  pattern?: RegExp;
  /** Allowed integer range. */
  bounds?: { min: number; max: number };
  /** At most this many values (the rest are dropped). */
  maxValues?: number;
}

export interface Dropped {
  param: string;
  value: string;
  reason: string;
}

export interface Decoded {
  clauses: Clause[];
  dropped: Dropped[];
}

const CONTROL = /[\u0000-\u001f\u007f]/;
const MAX_LENGTH = 200;

/** `a%2Cb` ← 'a,b': what encodeURIComponent gives, so a value's commas never split it. */
const enc = (v: Scalar) => encodeURIComponent(String(v));

/** The query string for `ctx`; parameters of `keep` not owned by `specs` stay as they were (e.g. asof). */
export function encodeQuery(ctx: FilterContext, specs: readonly ParamSpec[], keep = ''): string {
  const owned = new Set(specs.flatMap((s) => [s.source, ...(s.aliases ?? [])]));
  const parts = splitQuery(keep).filter(([name]) => !owned.has(safeDecode(name) ?? name)).map(([n, v]) => (v === null ? n : `${n}=${v}`));
  for (const s of specs) {
    const c = ctx.find((x) => x.source === s.source);
    if (!c || c.isDefault) continue;
    const p = c.predicate;
    if (p.kind === 'in' && p.values.length) parts.push(`${enc(s.source)}=${p.values.map(enc).join(',')}`);
    else if (p.kind === 'range' && (p.min !== null || p.max !== null)) parts.push(`${enc(s.source)}=${p.min ?? ''}..${p.max ?? ''}`);
  }
  return parts.join('&');
}

export function decodeQuery(search: string, specs: readonly ParamSpec[]): Decoded {
  // Every occurrence of a name, in order: `sys=S08&sys=S02` (an HTML form's way) is one list.
  const raw = new Map<string, string[]>();
  for (const [name, value] of splitQuery(search)) {
    const n = safeDecode(name);
    if (n !== null) raw.set(n, [...(raw.get(n) ?? []), value ?? '']);
  }
  const clauses: Clause[] = [];
  const dropped: Dropped[] = [];
  for (const s of specs) {
    const given = [s.source, ...(s.aliases ?? [])].flatMap((name) => (raw.get(name) ?? []).filter((t) => t !== '').map((text) => ({ name, text })));
    if (s.kind === 'range') {
      const [first, ...more] = given;
      if (!first) continue;
      const r = decodeRange(first.text, s);
      if (typeof r === 'string') dropped.push({ param: first.name, value: safeDecode(first.text) ?? first.text, reason: r });
      else clauses.push({ source: s.source, field: s.field, predicate: { kind: 'range', ...r } });
      for (const m of more) dropped.push({ param: m.name, value: safeDecode(m.text) ?? m.text, reason: `${s.label}は1つだけ指定できます（最初の指定を使います）` });
      continue;
    }
    const values: Scalar[] = [];
    for (const { name, text } of given) {
      const drop = (value: string, reason: string) => dropped.push({ param: name, value, reason });
      // An empty value (a trailing comma, `,,`) says nothing: skipped, not reported.
      for (const part of splitValues(text, s).filter((p) => p !== '')) {
        let v = safeDecode(part);
        let checked = v === null ? '文字コードとして読めません' : checkValue(v, s);
        const legacy = v !== null && typeof checked === 'string' ? legacyValue(v, s) : null;
        if (legacy) [v, checked] = legacy;
        if (typeof checked === 'string') drop(v ?? part, checked);
        else if (values.includes(checked.value)) continue;
        else if (s.maxValues !== undefined && values.length >= s.maxValues) drop(v!, `${s.label}は${s.maxValues}つまで選べます`);
        else values.push(checked.value);
      }
    }
    if (values.length) clauses.push({ source: s.source, field: s.field, predicate: { kind: 'in', values } });
  }
  return { clauses, dropped };
}

/** Name/value pairs of a raw query string (leading `?` allowed), still percent-encoded. */
function splitQuery(search: string): [string, string | null][] {
  return search
    .replace(/^\?/, '')
    .split('&')
    .filter(Boolean)
    .map((kv) => {
      const at = kv.indexOf('=');
      return at < 0 ? [kv, null] : [kv.slice(0, at), kv.slice(at + 1)];
    });
}

function safeDecode(s: string): string | null {
  try {
    return decodeURIComponent(s.replaceAll('+', ' '));
  } catch {
    return null;
  }
}

/**
 * The raw values of an `in` parameter, split on literal commas. Links written before this
 * codec encoded the separators too (`sys=S08%2CS02`, values inside encoded again): for a
 * parameter of known shape whose single value is invalid but holds commas once decoded,
 * those commas are the separators.
 */
function splitValues(text: string, s: ParamSpec): string[] {
  const parts = text.split(',');
  if (parts.length > 1 || !(s.domain || s.pattern || s.valueType === 'integer')) return parts;
  const once = safeDecode(text);
  if (once === null || !once.includes(',') || typeof checkValue(once, s) !== 'string') return parts;
  return once.split(',');
}

/**
 * Links written before this codec encoded values twice (`%25E3%2582…`). A value of a known
 * domain or shape that is invalid as read but valid decoded once more is such a value.
 */
function legacyValue(once: string, s: ParamSpec): [string, { value: Scalar }] | null {
  if (!(s.domain || s.pattern) || !/%[0-9A-Fa-f]{2}/.test(once)) return null;
  const twice = safeDecode(once);
  const checked = twice === null ? null : checkValue(twice, s);
  return twice !== null && checked !== null && typeof checked !== 'string' ? [twice, checked] : null;
}

function checkValue(v: string, s: ParamSpec): { value: Scalar } | string {
  if (CONTROL.test(v)) return '制御文字を含む値は使えません';
  if (v.length > MAX_LENGTH) return `${MAX_LENGTH}文字を超える値は使えません`;
  let value: Scalar = v;
  if (s.valueType === 'integer') {
    const n = integer(v, s);
    if (typeof n === 'string') return n;
    value = n;
  }
  if (s.pattern && !s.pattern.test(v)) return `${s.label}として正しい形式ではありません`;
  if (s.domain && !s.domain.includes(value)) return notInDomain(s);
  return { value };
}

const notInDomain = (s: ParamSpec) => `${s.label}にこの値はありません`;

/**
 * A domain learned after decoding (e.g. keys too many to list, looked up in the data once it
 * is loaded): `unknown` values of `field` leave the clauses of the parameters that hold them,
 * reported as `decodeQuery` reports a value outside a listed domain. Clauses no parameter
 * owns (a page's defaults) are left alone; a clause left with no value goes.
 */
export function refuseValues(clauses: readonly Clause[], specs: readonly ParamSpec[], field: string, unknown: readonly Scalar[]): Decoded {
  const dropped: Dropped[] = [];
  const kept: Clause[] = [];
  for (const c of clauses) {
    const s = specs.find((x) => x.source === c.source);
    if (!s || c.field !== field || c.predicate.kind !== 'in' || !c.predicate.values.some((v) => unknown.includes(v))) {
      kept.push(c);
      continue;
    }
    const keep = c.predicate.values.map((v, i) => ({ v, label: c.labels?.[i], ok: !unknown.includes(v) }));
    for (const k of keep) if (!k.ok) dropped.push({ param: s.source, value: String(k.v), reason: notInDomain(s) });
    const left = keep.filter((k) => k.ok);
    if (left.length === 0) continue;
    kept.push({
      ...c,
      predicate: { kind: 'in', values: left.map((k) => k.v) },
      ...(c.labels ? { labels: left.map((k) => k.label ?? String(k.v)) } : {})
    });
  }
  return { clauses: kept, dropped };
}

function integer(v: string, s: ParamSpec): number | string {
  if (!/^-?\d{1,9}$/.test(v)) return `${s.label}は年などの整数で指定します`;
  const n = Number(v);
  if (s.bounds && (n < s.bounds.min || n > s.bounds.max)) return `${s.label}は${s.bounds.min}〜${s.bounds.max}の範囲で指定します`;
  return n;
}

function decodeRange(text: string, s: ParamSpec): { min: number | null; max: number | null } | string {
  const t = safeDecode(text);
  const m = t === null ? null : /^([^.]*)\.\.([^.]*)$/.exec(t);
  if (!m || (m[1] === '' && m[2] === '')) return `${s.label}は「2015..2020」の形で指定します（年は整数）`;
  const ends: (number | null)[] = [];
  for (const e of [m[1]!, m[2]!]) {
    if (e === '') ends.push(null);
    else {
      const n = integer(e, s);
      if (typeof n === 'string') return n;
      ends.push(n);
    }
  }
  const [min, max] = ends as [number | null, number | null];
  if (min !== null && max !== null && min > max) return `${s.label}の始まりが終わりより後です`;
  return { min, max };
}
