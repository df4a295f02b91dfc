import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import subsetFont from 'subset-font';
import { ALWAYS, displayable, parquetChars, rangeChars, sorted, sourceChars } from './site-charset';

/**
 * Noto Sans JP cut down at build time to the characters the site can show (site-charset.ts),
 * as two woff2 files per weight with `unicode-range`, so a page downloads only what it shows:
 *   core — the UI's own text (source without comments), ASCII and the labels of small
 *          dimensions (text columns with at most CORE_DISTINCT distinct values: prefectures,
 *          systems, answers…): what every page needs;
 *   rest — every other character the site can show (municipality names, free text, the SQL
 *          catalog's comments…), fetched only by a page that shows one of them.
 * Together they cover every character of site-charset.ts; the split decides only what a page
 * downloads, never whether a character is drawn in Noto Sans JP.
 * The font is Noto Sans JP from @expo-google-fonts/noto-sans-jp (Google Fonts' static TTFs,
 * SIL OFL 1.1; the licence is copied beside the CSS as OFL.txt). Outputs are cached in
 * node_modules/.cache/site-font/<key>/, the key hashing the fonts, the characters and the
 * tool's version: the same inputs give the same files, and a warm build does no subsetting.
 */
export const WEIGHTS = { 400: '400Regular/NotoSansJP_400Regular.ttf', 700: '700Bold/NotoSansJP_700Bold.ttf' } as const;
export const FAMILY = 'Noto Sans JP';
const CORE_DISTINCT = 100;
/**
 * OpenType features kept (harfbuzz keeps every feature by default, and closing over alternates
 * such as jp78/jp83/trad/aalt roughly doubles the files): the ones a browser applies to
 * horizontal text, `tnum` (font-variant-numeric: tabular-nums) and vertical forms (the
 * prefecture matrix's vertical headers).
 */
export const FEATURES = ['ccmp', 'locl', 'mark', 'mkmk', 'kern', 'liga', 'calt', 'clig', 'rlig', 'tnum', 'vert', 'vrt2'];
/** Name records kept: family, style, version… and the licence (13, 14) the OFL asks to travel with the font. */
const NAME_IDS = [0, 1, 2, 3, 4, 5, 6, 13, 14];

const require = createRequire(import.meta.url);
const fontDir = () => join(require.resolve('@expo-google-fonts/noto-sans-jp/package.json'), '..');

export interface SiteFontOptions {
  /** Folder of the Parquet files the site ships (static/data, or DATA_DIR). */
  dataDir: string;
  cacheDir?: string;
}

/** Code points as a CSS unicode-range (consecutive points merged). */
export function unicodeRange(points: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < points.length; ) {
    let j = i;
    while (j + 1 < points.length && points[j + 1] === points[j]! + 1) j++;
    const hex = (c: number) => c.toString(16).toUpperCase();
    parts.push(i === j ? `U+${hex(points[i]!)}` : `U+${hex(points[i]!)}-${hex(points[j]!)}`);
    i = j + 1;
  }
  return parts.join(',');
}

export function fontFaceCss(files: { weight: number; file: string; points: readonly number[] }[]): string {
  return files
    .map(
      (f) =>
        `@font-face{font-family:'${FAMILY}';font-style:normal;font-weight:${f.weight};font-display:swap;` +
        `src:url(./${f.file}) format('woff2');unicode-range:${unicodeRange(f.points)}}`
    )
    .join('\n') + '\n';
}

/** The two character sets: core (every page) and rest (the remaining data characters). */
export async function charsets(dataDir: string): Promise<{ core: number[]; rest: number[] }> {
  const ui = sourceChars(['src', 'model'], displayable);
  const labels = await parquetChars(dataDir, CORE_DISTINCT);
  const core = sorted(ui, labels, rangeChars(ALWAYS));
  const inCore = new Set(core);
  const all = sorted(sourceChars(['src', 'model', 'sql', 'data']), await parquetChars(dataDir));
  const rest = all.filter((c) => !inCore.has(c));
  return { core, rest };
}

/** Writes (or finds in the cache) the woff2 files and their CSS; returns the CSS file's path. */
export async function buildSiteFont(o: SiteFontOptions): Promise<string> {
  const sets = await charsets(o.dataDir);
  const dir = fontDir();
  const fonts = Object.entries(WEIGHTS).map(([w, f]) => ({ weight: Number(w), bytes: readFileSync(join(dir, f)) }));
  const key = createHash('sha256')
    .update(JSON.stringify({ sets, FEATURES, NAME_IDS, tool: require('subset-font/package.json').version, fonts: fonts.map((f) => createHash('sha256').update(f.bytes).digest('hex')) }))
    .digest('hex')
    .slice(0, 16);
  const out = join(o.cacheDir ?? 'node_modules/.cache/site-font', key);
  const css = join(out, 'noto-sans-jp.css');
  if (existsSync(css)) return css;
  const tmp = `${out}.tmp-${process.pid}`;
  mkdirSync(tmp, { recursive: true });
  const faces: { weight: number; file: string; points: number[] }[] = [];
  for (const f of fonts) {
    for (const [part, points] of Object.entries(sets)) {
      if (points.length === 0) continue;
      const file = `noto-sans-jp-${f.weight}-${part}.woff2`;
      writeFileSync(join(tmp, file), await subsetFont(f.bytes, String.fromCodePoint(...points), { targetFormat: 'woff2', keepFeatures: FEATURES, preserveNameIds: NAME_IDS }));
      faces.push({ weight: f.weight, file, points });
    }
  }
  writeFileSync(join(tmp, 'OFL.txt'), readFileSync(join(dir, 'LICENSE_FONT')));
  writeFileSync(join(tmp, 'noto-sans-jp.css'), `/* Noto Sans JP (SIL Open Font License 1.1, see OFL.txt), subset at build time by scripts/fonts/site-font.ts */\n${fontFaceCss(faces)}`);
  try {
    renameSync(tmp, out);
  } catch {
    // Another build wrote the same key first: its files are identical.
  }
  return css;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // The Vite plugin (vite.config.ts) reads the CSS file's path from stdout.
  process.stdout.write(await buildSiteFont({ dataDir: process.env.DATA_DIR ?? 'static/data' }));
}
