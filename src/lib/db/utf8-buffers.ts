const encoder = new TextEncoder();
/** How hyparquet turns a Parquet string into JS: invalid bytes as U+FFFD, a leading BOM dropped. */
const asParquetReads = new TextDecoder();
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Arrow Utf8 buffers: `valueOffsets[i]..valueOffsets[i + 1]` of `data` hold value i. */
export interface Utf8Buffers {
  valueOffsets: Int32Array;
  data: Uint8Array;
}

/**
 * Arrow Utf8 buffers for a column whose values are JS strings or raw UTF-8 bytes (a Parquet
 * column read without decoding, parquet-to-arrow.ts); null and undefined as empty.
 */
export function utf8Column(values: readonly unknown[]): Utf8Buffers {
  const bytes = values.some((v) => v instanceof Uint8Array);
  if (bytes && values.every((v) => v === null || v === undefined || v instanceof Uint8Array)) return utf8BuffersFromBytes(values as readonly (Uint8Array | null | undefined)[]);
  return utf8Buffers(bytes ? values.map((v) => (v instanceof Uint8Array ? asParquetReads.decode(v) : v)) : values);
}

/**
 * Raw UTF-8 values as they are, copied once into one buffer: what decoding each one (as
 * hyparquet does) and encoding it again would give, without the ≈ 44,000 decode calls at
 * survey scale. That holds when the whole buffer is valid UTF-8, every value starts on a
 * character (so every value is valid on its own) and none starts with a BOM (which the
 * decoder would drop); otherwise each value goes the long way, with the same result.
 */
export function utf8BuffersFromBytes(values: readonly (Uint8Array | null | undefined)[]): Utf8Buffers {
  const n = values.length;
  const valueOffsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) valueOffsets[i + 1] = valueOffsets[i]! + (values[i]?.length ?? 0);
  const data = new Uint8Array(valueOffsets[n]!);
  for (let i = 0; i < n; i++) if (values[i]) data.set(values[i]!, valueOffsets[i]!);
  if (sameAsDecoded(data, valueOffsets)) return { valueOffsets, data };
  return utf8Buffers(values.map((v) => (v ? asParquetReads.decode(v) : v)));
}

function sameAsDecoded(data: Uint8Array, offsets: Int32Array): boolean {
  for (let i = 0; i + 1 < offsets.length; i++) {
    const at = offsets[i]!;
    if (at === offsets[i + 1]) continue;
    if ((data[at]! & 0xc0) === 0x80) return false; // starts inside a character
    if (data[at] === 0xef && data[at + 1] === 0xbb && data[at + 2] === 0xbf) return false; // a BOM
  }
  try {
    strict.decode(data);
    return true;
  } catch {
    return false;
  }
}

/**
 * The UTF-8 bytes of every value (null and undefined as empty), exactly as TextEncoder writes
 * each one, with the offsets Arrow's Utf8 needs. One `encode` of all values joined, offsets
 * from a byte count in JS: a call per value (≈ 44,000 at survey scale) held the page's main
 * thread 240–340 ms per load on a slow 2-core machine (docs/performance.md, "Fifth session":
 * "one UTF-8 encode per column"). A lone surrogate makes the column fall back to a call per value:
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
