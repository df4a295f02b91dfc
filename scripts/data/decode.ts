/**
 * Decode survey bytes. Japanese Excel writes Shift_JIS (cp932); newer tools write
 * UTF-8 with or without BOM. We try strict UTF-8 first because valid Shift_JIS
 * Japanese text is almost never valid UTF-8, then fall back to Shift_JIS.
 */
export type Encoding = 'utf-8-bom' | 'utf-8' | 'shift_jis';

export type DecodeResult = { ok: true; text: string; encoding: Encoding } | { ok: false; reason: string };

export function decodeSurveyBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    try {
      return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
    } catch {
      return { ok: false, reason: 'encoding' };
    }
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    // UTF-16 (Excel "Unicode text"): not a format we accept; say so precisely.
    return { ok: false, reason: 'encoding' };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    /* not UTF-8: try Shift_JIS below */
  }
  try {
    const text = new TextDecoder('shift_jis', { fatal: true }).decode(bytes);
    return { ok: true, text, encoding: 'shift_jis' };
  } catch {
    return { ok: false, reason: 'encoding' };
  }
}
