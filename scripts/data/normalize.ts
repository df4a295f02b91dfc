/**
 * Normalisation applied to every cell before validation. Excel users type
 * full-width digits and many look-alike dashes (〜 ～ – — ー －), so "5百万－1千万"
 * and "５百万〜１千万" must both mean the band 5百万-1千万.
 */
const FULLWIDTH_DIGIT = /[０-９]/g;

export function toHalfWidthDigits(s: string): string {
  return s.replace(FULLWIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/** Dash-like characters accepted between the two ends of a band. */
const DASHES = /[\u301c\uff5e\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uff0d\u30fc~]/g;

export function normalizeBandLabel(s: string): string {
  return toHalfWidthDigits(s).replace(DASHES, '-').replace(/\s+/g, '');
}

/** Trim, drop the BOM/zero-width chars Excel sometimes leaves, unify full-width space. */
export function normalizeCell(s: string): string {
  return s.replace(/[\u200b\ufeff]/g, '').replace(/\u3000/g, ' ').trim();
}

/** Answer symbols: accept the full-width forms people type for × and -. */
export function normalizeSymbol(s: string): string {
  if (s === '✕' || s === '╳' || s === 'x' || s === 'X' || s === 'ｘ' || s === 'Ｘ') return '×';
  if (/^[\u2010-\u2015\u2212\uff0d\u30fc]$/.test(s)) return '-';
  return s;
}
