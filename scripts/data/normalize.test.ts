import { describe, expect, it } from 'vitest';
import { classifyCell } from './answer-state.js';
import { bandOrder } from './cost-bands.js';
import { normalizeBandLabel, normalizeCell, toHalfWidthDigits } from './normalize.js';

describe('normalisation', () => {
  it('maps full-width digits', () => expect(toHalfWidthDigits('２０１５年４月')).toBe('2015年4月'));
  it.each(['5百万-1千万', '５百万－１千万', '5百万〜1千万', '5百万～1千万', '5百万ー1千万', '5百万–1千万', '5百万 − 1千万'])('band %s', (s) =>
    expect(bandOrder(normalizeBandLabel(s))).toBe(2),
  );
  it('trims and drops zero-width characters', () => expect(normalizeCell('\ufeff\u3000値\u200b ')).toBe('値'));
  it.each([
    ['×', 'withheld'],
    ['✕', 'withheld'],
    ['-', 'unknown'],
    ['－', 'unknown'],
    ['', 'blank'],
    ['0', 'answered'],
  ] as const)('classifies %s as %s', (cell, state) => expect(classifyCell(cell)).toBe(state));
});
