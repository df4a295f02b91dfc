const encoder = new TextEncoder();

/** Arrow Utf8 buffers: `valueOffsets[i]..valueOffsets[i + 1]` of `data` hold value i. */
export interface Utf8Buffers {
  valueOffsets: Int32Array;
  data: Uint8Array;
}

/**
 * The UTF-8 bytes of every value (null and undefined as empty), exactly as TextEncoder writes
 * each one, with the offsets Arrow's Utf8 needs. One `encode` of all values joined, offsets
 * from a byte count in JS: a call per value (≈ 35,000 at survey scale) held the page's main
 * thread ≈ 240 ms per load on a slow 2-core machine (docs/performance.md, "Loading: one UTF-8
 * encode per column"). A lone surrogate makes the column fall back to a call per value:
 * joined, it could pair with its neighbour's and encode as one 4-byte character.
 */
export function utf8Buffers(values: readonly unknown[]): Utf8Buffers {
  const n = values.length;
  const strings = new Array<string>(n);
  const valueOffsets = new Int32Array(n + 1);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    const s = v === null || v === undefined ? '' : String(v);
    const bytes = utf8Length(s);
    if (bytes < 0) return onePerValue(values);
    strings[i] = s;
    total += bytes;
    valueOffsets[i + 1] = total;
  }
  const data = encoder.encode(strings.join(''));
  return data.length === total ? { valueOffsets, data } : onePerValue(values);
}

/** Bytes TextEncoder writes for `s`, or -1 if `s` holds a lone surrogate. */
export function utf8Length(s: string): number {
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c < 0xd800 || c > 0xdfff) bytes += 3;
    else if (c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else return -1;
  }
  return bytes;
}

/** The plain way: one `encode` per value. */
export function onePerValue(values: readonly unknown[]): Utf8Buffers {
  const parts = values.map((v) => (v === null || v === undefined ? new Uint8Array() : encoder.encode(String(v))));
  const valueOffsets = new Int32Array(values.length + 1);
  parts.forEach((p, i) => (valueOffsets[i + 1] = valueOffsets[i]! + p.length));
  const data = new Uint8Array(valueOffsets[values.length]!);
  parts.forEach((p, i) => data.set(p, valueOffsets[i]!));
  return { valueOffsets, data };
}
