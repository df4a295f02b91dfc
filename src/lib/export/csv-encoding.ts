/** Excel's two ways to read Japanese CSV: UTF-8 with a BOM (default) or Shift_JIS (CP932). */
export type CsvEncoding = 'utf8-bom' | 'shift_jis';

export const ENCODING_LABEL: Record<CsvEncoding, string> = { 'utf8-bom': 'UTF-8（BOM付き）', shift_jis: 'Shift_JIS' };
/** Goes into the file name, so the encoding is visible before the file is opened. */
export const ENCODING_TAG: Record<CsvEncoding, string> = { 'utf8-bom': 'UTF-8', shift_jis: 'Shift_JIS' };

/**
 * Encodes CSV text. Shift_JIS uses encoding-japanese (browsers can decode but not encode
 * it; its table is CP932, what Excel reads, with ①, 髙 etc.), loaded only when asked for.
 * Characters it lacks (e.g. 𠮷) become '?'; they are counted so the dialog can say so:
 * '?' (0x3F) is never a Shift_JIS trail byte, so every extra 0x3F is a replacement.
 */
export async function encodeCsv(text: string, encoding: CsvEncoding): Promise<{ bytes: Uint8Array; replaced: number }> {
  if (encoding === 'utf8-bom') return { bytes: new TextEncoder().encode(`\uFEFF${text}`), replaced: 0 };
  const { default: Encoding } = await import('encoding-japanese');
  const bytes = Uint8Array.from(Encoding.convert(Encoding.stringToCode(text), { to: 'SJIS', from: 'UNICODE' }) as number[]);
  const count = (n: number, xs: ArrayLike<number>) => Array.prototype.filter.call(xs, (x: number) => x === n).length;
  return { bytes, replaced: count(0x3f, bytes) - count(0x3f, Array.from(text, (c) => c.codePointAt(0)!)) };
}
