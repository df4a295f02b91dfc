import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8Buffers, utf8BuffersFromBytes, utf8Column, utf8Length } from './utf8-buffers';

/** The oracle: one TextEncoder call per value, written here independently of the code under test. */
function reference(values: readonly unknown[]) {
  const enc = new TextEncoder();
  const parts = values.map((v) => (v == null ? new Uint8Array() : enc.encode(String(v))));
  const valueOffsets = new Int32Array(values.length + 1);
  for (let i = 0; i < parts.length; i++) valueOffsets[i + 1] = valueOffsets[i]! + parts[i]!.length;
  return { valueOffsets, data: Uint8Array.from(parts.flatMap((p) => [...p])) };
}

/** Same offsets and same bytes. */
function expectSameBuffers(got: { valueOffsets: Int32Array; data: Uint8Array }, want: { valueOffsets: Int32Array; data: Uint8Array }) {
  expect([...got.valueOffsets]).toEqual([...want.valueOffsets]);
  expect([...got.data]).toEqual([...want.data]);
}

/** Any UTF-16 code units, with surrogate halves, ASCII and kana often enough to meet each other. */
const codeUnit = fc.oneof(fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0xd800, max: 0xdfff }), fc.constantFrom(0x41, 0x3042, 0x7c, 0xe9));
const anyString = fc.array(codeUnit, { maxLength: 12 }).map((units) => String.fromCharCode(...units));
const value = fc.oneof(anyString, fc.string(), fc.constant(null), fc.constant(undefined), fc.integer(), fc.constant(''));

describe('utf8Buffers', () => {
  it('writes the same offsets and bytes as one TextEncoder call per value, whatever the values', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 40 }), (values) => {
        expectSameBuffers(utf8Buffers(values), reference(values));
      }),
      { numRuns: 2000 }
    );
  });

  it('keeps a lone high surrogate and the next value’s lone low surrogate apart (they must not pair)', () => {
    const values = ['a\ud83d', '\ude00b', '😀'];
    expect([...utf8Buffers(values).data]).toEqual([...reference(values).data]);
    expect(utf8Buffers(values).valueOffsets[1]).toBe(4); // 'a' + U+FFFD
  });

  it('counts bytes as TextEncoder writes them, and -1 for a string with a lone surrogate', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        expect(utf8Length(s)).toBe(s.isWellFormed() ? new TextEncoder().encode(s).length : -1);
      }),
      { numRuns: 5000 }
    );
  });
});

/** The oracle for raw bytes: each value decoded as hyparquet does (TextDecoder's defaults) and encoded again. */
const roundTrip = (values: readonly (Uint8Array | null)[]) => reference(values.map((v) => (v ? new TextDecoder().decode(v) : v)));

/** Byte strings that are valid UTF-8 or nearly: text, BOMs, lone lead and continuation bytes, cut characters. */
const piece = fc.oneof(
  anyString.map((s) => new TextEncoder().encode(s)),
  fc.constant(Uint8Array.of(0xef, 0xbb, 0xbf)),
  fc.constantFrom(Uint8Array.of(0x80), Uint8Array.of(0xe3, 0x81), Uint8Array.of(0x82), Uint8Array.of(0xc0, 0xaf), Uint8Array.of(0xed, 0xa0, 0x80), Uint8Array.of(0xff)),
  fc.uint8Array({ maxLength: 6 })
);
const bytesValue = fc.oneof(
  { weight: 3, arbitrary: fc.array(piece, { maxLength: 3 }).map((ps) => Uint8Array.from(ps.flatMap((p) => [...p]))) },
  { weight: 1, arbitrary: fc.constant(null) }
);

describe('utf8BuffersFromBytes', () => {
  it('gives exactly what decoding each value as hyparquet does and encoding it again gives, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.array(bytesValue, { maxLength: 30 }), (values) => {
        expectSameBuffers(utf8BuffersFromBytes(values), roundTrip(values));
      }),
      { numRuns: 3000 }
    );
  });

  it('keeps valid values byte for byte, and repairs a character cut across two values, a BOM and a stray byte as the decoder would', () => {
    const valid = [new TextEncoder().encode('神奈川県'), null, new TextEncoder().encode('abc')];
    expect([...utf8BuffersFromBytes(valid).data]).toEqual([...valid[0]!, ...valid[2]!]);
    for (const odd of [[Uint8Array.of(0xe3, 0x81), Uint8Array.of(0x82)], [Uint8Array.of(0xef, 0xbb, 0xbf, 0x41)], [Uint8Array.of(0x41, 0xff)]])
      expect([...utf8BuffersFromBytes(odd).data]).toEqual([...roundTrip(odd).data]);
    expect([...utf8BuffersFromBytes([Uint8Array.of(0xe3, 0x81), Uint8Array.of(0x82)]).data]).not.toEqual([0xe3, 0x81, 0x82]);
  });

  it('utf8Column takes strings, raw bytes or a mix of both', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    const want = reference(['都', null, 'x']);
    for (const values of [['都', null, 'x'], [enc('都'), null, enc('x')], ['都', null, enc('x')]]) expectSameBuffers(utf8Column(values), want);
  });
});
