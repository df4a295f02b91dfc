/**
 * Decode survey bytes. Japanese Excel writes Shift_JIS (cp932); newer tools write
 * UTF-8 with or without BOM. We try strict UTF-8 first because valid Shift_JIS
 * Japanese text is almost never valid UTF-8, then fall back to Shift_JIS.
 * A file that starts as UTF-8 and then stops being UTF-8 (rows pasted from a
 * Shift_JIS file) is reported at the first bad row instead of being misread.
 */
import { csvRecords } from './csv.js';

export type Encoding = 'utf-8-bom' | 'utf-8' | 'shift_jis';

export type DecodeFailure =
  | { ok: false; reason: 'empty' | 'encoding' | 'utf16' }
  /** Not text at all: a workbook, a Parquet file or other binary bytes (`kind`: what it looks like). */
  | { ok: false; reason: 'binary'; kind: BinaryKind }
  /** Valid `as` up to `row` (Excel row), then not. */
  | { ok: false; reason: 'mixed'; row: number; as: 'UTF-8' | 'Shift_JIS' };

export type DecodeResult = { ok: true; text: string; encoding: Encoding } | DecodeFailure;

/** Valid multi-byte UTF-8 sequences seen before the first invalid byte that make a file "UTF-8 with bad rows". */
const MIXED_MIN_SEQUENCES = 8;

/** Offset of the first byte that breaks UTF-8 (or -1), and how many multi-byte sequences came before it. */
export function scanUtf8(bytes: Uint8Array, from = 0): { bad: number; multi: number } {
  let multi = 0;
  let i = from;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return { bad: i, multi };
    for (let k = 1; k < len; k++) if (((bytes[i + k] as number) & 0xc0) !== 0x80) return { bad: i, multi };
    const b1 = bytes[i + 1] as number;
    // Overlong and surrogate forms are invalid too (TextDecoder agrees).
    if ((b === 0xe0 && b1 < 0xa0) || (b === 0xed && b1 > 0x9f) || (b === 0xf0 && b1 < 0x90) || (b === 0xf4 && b1 > 0x8f)) return { bad: i, multi };
    multi++;
    i += len;
  }
  return { bad: -1, multi };
}

export type BinaryKind = 'zip' | 'xls' | 'parquet' | 'other';

/** How many leading bytes are looked at for a binary file. */
const SNIFF_BYTES = 8192;

/**
 * What a file that is not text looks like, or null for text. The signatures of what a user is
 * likely to pick instead of a CSV (an Excel workbook, a Parquet file); otherwise ≥ 5 % control
 * characters (NUL included; tab and line breaks are text) in the first 8 KB, which no UTF-8 or
 * Shift_JIS CSV has: a stray one in a cell is text, reported at its row and column by the
 * reader. UTF-16, whose ASCII has NULs, is checked before this.
 */
export function binaryKind(bytes: Uint8Array): BinaryKind | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'zip'; // ZIP: .xlsx, and other Office files
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'xls'; // OLE2: Excel 97–2003
  if (starts(0x50, 0x41, 0x52, 0x31)) return 'parquet'; // PAR1
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) controls++;
  }
  return controls >= 4 && controls >= n * 0.05 ? 'other' : null;
}

function looksUtf16(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  // Without BOM: ASCII text in UTF-16 has a zero in every other byte.
  const n = Math.min(bytes.length, 1000);
  let zeros = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) zeros++;
  return n >= 4 && zeros / n > 0.3;
}

/** Excel row of the byte at `offset`, given the valid text before it. */
function rowAt(prefix: string): number {
  let row = 1;
  for (const item of csvRecords(`${prefix}x`)) row = 'error' in item ? item.error.row : item.row;
  return row;
}

export function decodeSurveyBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  if (looksUtf16(bytes)) return { ok: false, reason: 'utf16' };
  const kind = binaryKind(bytes);
  if (kind) return { ok: false, reason: 'binary', kind };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const { bad, multi } = scanUtf8(bytes, bom);
  if (bad < 0) return { ok: true, text: new TextDecoder('utf-8').decode(bytes.subarray(bom)), encoding: bom ? 'utf-8-bom' : 'utf-8' };
  if (bom || multi >= MIXED_MIN_SEQUENCES) {
    return { ok: false, reason: 'mixed', as: 'UTF-8', row: rowAt(new TextDecoder('utf-8').decode(bytes.subarray(bom, bad))) };
  }
  const sjis = new TextDecoder('shift_jis').decode(bytes);
  const replaced = sjis.indexOf('\ufffd');
  if (replaced < 0) return { ok: true, text: sjis, encoding: 'shift_jis' };
  // Shift_JIS for a while (with Japanese text), then not: name the row.
  if (/[^\u0000-\u007f]/.test(sjis.slice(0, replaced))) return { ok: false, reason: 'mixed', as: 'Shift_JIS', row: rowAt(sjis.slice(0, replaced)) };
  return { ok: false, reason: 'encoding' };
}
