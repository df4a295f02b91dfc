import type { Data, Vector } from 'apache-arrow';

/** Bytes of a text value the grid decodes at most: a cell shows a line, its tooltip a little more. */
export const SHOWN_BYTES = 1024;

/** The chunk of a (possibly chunked) vector that holds row `index`, and the row's index inside it. */
function locate(vector: Vector, index: number): { data: Data; i: number } | null {
  let i = index;
  for (const data of vector.data) {
    if (i < data.length) return { data, i };
    i -= data.length;
  }
  return null;
}

/** The UTF-8 bytes of one text (or blob) value, as a view into the Arrow buffer: nothing is decoded or copied. */
export function valueBytes(vector: Vector, index: number): Uint8Array | null {
  const at = locate(vector, index);
  if (!at || !at.data.getValid(at.i)) return null;
  const offsets = at.data.valueOffsets as ArrayLike<number | bigint>;
  return at.data.values.subarray(Number(offsets[at.i]), Number(offsets[at.i + 1]));
}

/**
 * The start of a text value, decoding at most `maxBytes` (cut back to a whole character),
 * and the size of the whole value in bytes. A 100 MB value costs the main thread 1 KB.
 */
export function textPrefix(vector: Vector, index: number, maxBytes = SHOWN_BYTES): { text: string; bytes: number; complete: boolean } | null {
  const all = valueBytes(vector, index);
  if (!all) return null;
  let cut = Math.min(all.length, maxBytes);
  // UTF-8 continuation bytes are 10xxxxxx: never end inside a character.
  while (cut < all.length && cut > 0 && (all[cut]! & 0xc0) === 0x80) cut--;
  return { text: new TextDecoder().decode(all.subarray(0, cut)), bytes: all.length, complete: cut === all.length };
}

/** "95.4 MB", "12.3 KB", "512 バイト" */
export function byteSize(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} バイト`;
}
