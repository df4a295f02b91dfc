import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8Buffers, utf8Length } from './utf8-buffers';

/** The oracle: one TextEncoder call per value, written here independently of the code under test. */
function reference(values: readonly unknown[]) {
  const enc = new TextEncoder();
  const parts = values.map((v) => (v == null ? new Uint8Array() : enc.encode(String(v))));
  const valueOffsets = new Int32Array(values.length + 1);
  for (let i = 0; i < parts.length; i++) valueOffsets[i + 1] = valueOffsets[i]! + parts[i]!.length;
  return { valueOffsets, data: Uint8Array.from(parts.flatMap((p) => [...p])) };
}

/** Any UTF-16 code units, with surrogate halves, ASCII and kana often enough to meet each other. */
const codeUnit = fc.oneof(fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0xd800, max: 0xdfff }), fc.constantFrom(0x41, 0x3042, 0x7c, 0xe9));
const anyString = fc.array(codeUnit, { maxLength: 12 }).map((units) => String.fromCharCode(...units));
const value = fc.oneof(anyString, fc.string(), fc.constant(null), fc.constant(undefined), fc.integer(), fc.constant(''));

describe('utf8Buffers', () => {
  it('writes the same offsets and bytes as one TextEncoder call per value, whatever the values', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 40 }), (values) => {
        const got = utf8Buffers(values);
        const want = reference(values);
        expect([...got.valueOffsets]).toEqual([...want.valueOffsets]);
        expect([...got.data]).toEqual([...want.data]);
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
