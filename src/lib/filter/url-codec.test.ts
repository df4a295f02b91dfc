import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Clause } from './clause';
import { decodeQuery, encodeQuery, refuseValues, type ParamSpec } from './url-codec';

const specs: ParamSpec[] = [
  { source: 'sys', field: 't.system_id', kind: 'in', valueType: 'string', label: 'システム名', domain: ['S01', 'S02', 'S08'] },
  { source: 'one', field: 't.system_id', kind: 'in', valueType: 'string', label: '一つ', maxValues: 1, aliases: ['old-one'] },
  { source: 'year', field: 't.start_year', kind: 'range', valueType: 'integer', label: '導入時期', bounds: { min: 1900, max: 2100 } },
  { source: 'y', field: 't.start_year', kind: 'in', valueType: 'integer', label: '年', bounds: { min: 1900, max: 2100 } },
  { source: 'text', field: 't.answer', kind: 'in', valueType: 'string', label: '回答' },
  { source: 'code', field: 't.lg_code', kind: 'in', valueType: 'string', label: '市区町村', pattern: /^\d{6}$/ }
];
const free = specs.filter((s) => s.source === 'text' || s.source === 'y' || s.source === 'year');

/** Printable strings: anything a value may hold (commas, %, +, &, =, Japanese, emoji), no control characters. */
const value = fc.string({ unit: fc.oneof(fc.constantFrom(',', '%', '+', '&', '=', ' ', '#', '?', 'ク', '県', '𠮷'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })), minLength: 1, maxLength: 12 })
  .filter((s) => !/[\u0000-\u001f\u007f]/.test(s));
const year = fc.integer({ min: 1900, max: 2100 });
const state = fc.record(
  {
    text: fc.uniqueArray(value, { minLength: 1, maxLength: 4 }),
    y: fc.uniqueArray(year, { minLength: 1, maxLength: 3 }),
    year: fc.tuple(fc.option(year), fc.option(year)).filter(([a, b]) => (a !== null || b !== null) && (a === null || b === null || a <= b))
  },
  { requiredKeys: [] }
);
const toClauses = (s: { text?: string[]; y?: number[]; year?: [number | null, number | null] }): Clause[] => {
  const out: Clause[] = [];
  if (s.text) out.push({ source: 'text', field: 't.answer', predicate: { kind: 'in', values: s.text } });
  if (s.y) out.push({ source: 'y', field: 't.start_year', predicate: { kind: 'in', values: s.y } });
  if (s.year) out.push({ source: 'year', field: 't.start_year', predicate: { kind: 'range', min: s.year[0], max: s.year[1] } });
  return out;
};
const sortBySource = (cs: Clause[]) => [...cs].sort((a, b) => a.source.localeCompare(b.source));

describe('URL codec', () => {
  it('decode(encode(s)) = s over random states', () => {
    fc.assert(
      fc.property(state, (s) => {
        const ctx = toClauses(s);
        const got = decodeQuery(encodeQuery(ctx, free), free);
        expect(got.dropped).toEqual([]);
        expect(sortBySource(got.clauses)).toEqual(sortBySource(ctx));
      }),
      { numRuns: 300 }
    );
  });

  it('never throws on arbitrary query strings, and keeps only valid values', () => {
    const anyText = fc.oneof(fc.string(), fc.string({ unit: fc.constantFrom('%', '0', '0', 'E', '3', ',', '.', '-', '&', '=', 'year', 'sys', 'y', 'code', '\u0000') }));
    fc.assert(
      fc.property(anyText, (q) => {
        const got = decodeQuery(q, specs);
        for (const c of got.clauses) {
          const p = c.predicate;
          if (p.kind === 'range') for (const v of [p.min, p.max]) expect(v === null || (Number.isInteger(v) && v >= 1900 && v <= 2100)).toBe(true);
          else for (const v of p.values) expect(typeof v === 'number' ? Number.isSafeInteger(v) : !/[\u0000-\u001f]/.test(String(v))).toBe(true);
        }
      }),
      { numRuns: 1000 }
    );
  });

  it('encodes each value once (UTF-8 percent-encoding; no %25 for Japanese)', () => {
    const q = encodeQuery([{ source: 'text', field: 't.answer', predicate: { kind: 'in', values: ['クラウドサービス', 'a,b'] } }], specs);
    expect(q).toBe('text=%E3%82%AF%E3%83%A9%E3%82%A6%E3%83%89%E3%82%B5%E3%83%BC%E3%83%93%E3%82%B9,a%2Cb');
    expect(new URLSearchParams(q).get('text')).toBe('クラウドサービス,a,b');
  });

  it('keeps other parameters (e.g. asof) and writes a range as min..max', () => {
    const q = encodeQuery([{ source: 'year', field: 't.start_year', predicate: { kind: 'range', min: 2015, max: null } }], specs, 'asof=2024-01-31&sys=S01');
    expect(q).toBe('asof=2024-01-31&year=2015..');
  });

  it('reads links written before: double-encoded values and old parameter names', () => {
    const known: ParamSpec[] = [...specs, { source: 'env', field: 't.env', kind: 'in', valueType: 'string', label: '環境', domain: ['クラウドサービス'] }];
    const legacy = `env=${encodeURIComponent(encodeURIComponent('クラウドサービス'))}&old-one=S02`;
    expect(decodeQuery(legacy, known)).toEqual({
      clauses: [
        { source: 'one', field: 't.system_id', predicate: { kind: 'in', values: ['S02'] } },
        { source: 'env', field: 't.env', predicate: { kind: 'in', values: ['クラウドサービス'] } }
      ],
      dropped: []
    });
    // Old links encoded the separating commas too (URLSearchParams over encodeURIComponent'd values).
    const old = new URLSearchParams({ sys: ['S08', 'S02'].map(encodeURIComponent).join(','), y: '2015,2016' }).toString();
    expect(old).toBe('sys=S08%2CS02&y=2015%2C2016');
    expect(decodeQuery(old, specs).clauses.map((c) => c.predicate)).toEqual([
      { kind: 'in', values: ['S08', 'S02'] },
      { kind: 'in', values: [2015, 2016] }
    ]);
    // `+` is a space in a query string (what browsers' forms write).
    expect(decodeQuery('text=a+b', specs).clauses[0]?.predicate).toEqual({ kind: 'in', values: ['a b'] });
  });

  it('drops invalid values with the reason, as data (issue 10 point 6)', () => {
    const got = decodeQuery(`year=-..&y=2021,x,2022&sys=S08,S99,S02&text=a%00b&code=13101,131016&one=S01,S02&zzz=1`, specs);
    expect(got.clauses).toEqual([
      { source: 'sys', field: 't.system_id', predicate: { kind: 'in', values: ['S08', 'S02'] } },
      { source: 'one', field: 't.system_id', predicate: { kind: 'in', values: ['S01'] } },
      { source: 'y', field: 't.start_year', predicate: { kind: 'in', values: [2021, 2022] } },
      { source: 'code', field: 't.lg_code', predicate: { kind: 'in', values: ['131016'] } }
    ]);
    const reasons = Object.fromEntries(got.dropped.map((d) => [`${d.param}=${d.value}`, d.reason]));
    expect(Object.keys(reasons).sort()).toEqual(['code=13101', 'one=S02', 'sys=S99', 'text=a\u0000b', 'y=x', 'year=-..'].sort());
    expect(reasons['year=-..']).toMatch(/年/);
    expect(reasons['sys=S99']).toMatch(/ありません/);
    expect(got.dropped.every((d) => d.reason.length > 0)).toBe(true);
  });

  it('drops a 400-digit bound and a malformed percent sequence', () => {
    const got = decodeQuery(`year=1${'0'.repeat(400)}..2020&text=%E0%A4%A`, specs);
    expect(got.clauses).toEqual([]);
    expect(got.dropped.map((d) => d.param).sort()).toEqual(['text', 'year']);
  });

  it('reads a parameter given twice as one list (sys=S08&sys=S02, as an HTML form writes it), old name and new together', () => {
    expect(decodeQuery('sys=S08&sys=S02,S08&sys=S01', specs)).toEqual({
      clauses: [{ source: 'sys', field: 't.system_id', predicate: { kind: 'in', values: ['S08', 'S02', 'S01'] } }],
      dropped: []
    });
    const both = decodeQuery('one=S01&old-one=S02', specs);
    expect(both.clauses).toEqual([{ source: 'one', field: 't.system_id', predicate: { kind: 'in', values: ['S01'] } }]);
    // maxValues still holds over all occurrences, and what it refuses is said.
    expect(both.dropped).toEqual([{ param: 'old-one', value: 'S02', reason: '一つは1つまで選べます' }]);
  });

  it('uses the first range given and says it ignored the others', () => {
    const got = decodeQuery('year=2015..2020&year=2001..2002', specs);
    expect(got.clauses).toEqual([{ source: 'year', field: 't.start_year', predicate: { kind: 'range', min: 2015, max: 2020 } }]);
    expect(got.dropped).toEqual([{ param: 'year', value: '2001..2002', reason: '導入時期は1つだけ指定できます（最初の指定を使います）' }]);
    // An empty first occurrence is no range: the next one counts.
    expect(decodeQuery('year=&year=2001..', specs)).toEqual({
      clauses: [{ source: 'year', field: 't.start_year', predicate: { kind: 'range', min: 2001, max: null } }],
      dropped: []
    });
  });

  it('ignores empty values between commas (a trailing comma, ,,) without a notice', () => {
    expect(decodeQuery('sys=S08,,S02,&y=,2015', specs)).toEqual({
      clauses: [
        { source: 'sys', field: 't.system_id', predicate: { kind: 'in', values: ['S08', 'S02'] } },
        { source: 'y', field: 't.start_year', predicate: { kind: 'in', values: [2015] } }
      ],
      dropped: []
    });
    expect(decodeQuery('sys=,', specs)).toEqual({ clauses: [], dropped: [] });
  });

  it('refuses values a domain learned later lacks, as decode refuses values outside a listed domain', () => {
    const codes = [...specs, { ...specs.find((s) => s.source === 'code')!, source: 'map', label: '地図' }];
    const byUrl = decodeQuery('code=131016,999999&map=999999&sys=S08', codes);
    expect(byUrl.dropped).toEqual([]);
    const clicked: Clause = { source: 'map', field: 't.lg_code', predicate: { kind: 'in', values: ['999999', '011002'] }, labels: ['?', '札幌市'] };
    const dflt: Clause = { source: 'default', field: 't.lg_code', predicate: { kind: 'in', values: ['999999'] }, isDefault: true };
    const got = refuseValues([...byUrl.clauses.filter((c) => c.source !== 'map'), clicked, dflt], codes, 't.lg_code', ['999999']);
    expect(got.clauses).toEqual([
      { source: 'sys', field: 't.system_id', predicate: { kind: 'in', values: ['S08'] } },
      { source: 'code', field: 't.lg_code', predicate: { kind: 'in', values: ['131016'] } },
      { source: 'map', field: 't.lg_code', predicate: { kind: 'in', values: ['011002'] }, labels: ['札幌市'] },
      dflt
    ]);
    expect(got.dropped).toEqual([
      { param: 'code', value: '999999', reason: '市区町村にこの値はありません' },
      { param: 'map', value: '999999', reason: '地図にこの値はありません' }
    ]);
    // The reason is the one decode gives for a listed domain.
    expect(decodeQuery('sys=S99', specs).dropped[0]?.reason).toBe('システム名にこの値はありません');
    // A clause left with no value goes; the address no longer holds it.
    const gone = refuseValues(byUrl.clauses, codes, 't.lg_code', ['131016', '999999']);
    expect(gone.clauses.map((c) => c.source)).toEqual(['sys']);
    expect(encodeQuery(gone.clauses, codes)).toBe('sys=S08');
  });
});
