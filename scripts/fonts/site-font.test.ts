import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { charsets, fontFaceCss, unicodeRange } from './site-font';
import { displayable, parquetChars, sourceChars } from './site-charset';

/** Parses a unicode-range back into code points (for the round trip). */
const points = (range: string) =>
  range.split(',').flatMap((part) => {
    const [a, b] = part.replace('U+', '').split('-').map((h) => parseInt(h, 16));
    return Array.from({ length: (b ?? a!) - a! + 1 }, (_, i) => a! + i);
  });

describe('site font', () => {
  it('a unicode-range lists exactly the code points it was made from', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0x20, max: 0x2ffff }), { minLength: 1, maxLength: 300 }), (cps) => {
        const sorted = [...cps].sort((a, b) => a - b);
        expect(points(unicodeRange(sorted))).toEqual(sorted);
      })
    );
    expect(unicodeRange([0x41, 0x42, 0x43, 0x3042])).toBe('U+41-43,U+3042');
  });

  it('one @font-face per file, with its weight, swap and its range', () => {
    const css = fontFaceCss([
      { weight: 400, file: 'a.woff2', points: [0x41] },
      { weight: 700, file: 'b.woff2', points: [0x3042, 0x3043] }
    ]);
    expect(css.match(/@font-face/g)).toHaveLength(2);
    expect(css).toContain("font-weight:700;font-display:swap;src:url(./b.woff2) format('woff2');unicode-range:U+3042-3043}");
  });

  it('source text loses comments, keeps strings and markup text', () => {
    const ts = "const a = '共同'; // 注釈\n/* 説明 */ const u = 'https://x/調達';";
    expect(displayable('x.ts', ts)).toContain('共同');
    expect(displayable('x.ts', ts)).toContain('調達');
    expect(displayable('x.ts', ts)).not.toContain('注釈');
    expect(displayable('x.ts', ts)).not.toContain('説明');
    expect(displayable('x.svelte', '<!-- 隠 --><p>表示</p>')).toBe(' <p>表示</p>');
    expect(displayable('x.test.ts', "it('試験')")).toBe('');
  });

  it('core and rest split every character the site can show: the UI text and every text value of the data', async () => {
    const { core, rest } = await charsets('static/data');
    const inCore = new Set(core);
    expect(rest.some((c) => inCore.has(c))).toBe(false);
    const all = new Set([...core, ...rest]);
    const data = await parquetChars('static/data');
    expect(data.size).toBeGreaterThan(500);
    for (const c of [...data, ...sourceChars(['src', 'model'])]) if (c >= 0x20 && c !== 0xfeff) expect(all.has(c), String.fromCodePoint(c)).toBe(true);
    // The labels of small dimensions are in core: every prefecture name.
    for (const ch of '北海道東京都大阪府沖縄県') expect(inCore.has(ch.codePointAt(0)!), ch).toBe(true);
  });
});
