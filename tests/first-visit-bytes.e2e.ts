import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { V } from '../src/routes/overview-queries';
import { openReady, launch, openPage, type Recorder } from './support/browser';
import { waitForChart } from './support/page-reading';

// What a first visit of the overview downloads (issue 8, "fewer bytes"): its charts come
// compiled to Vega from the build (no vega-lite, no vega-embed), and the font is the site's
// build-time subset of Noto Sans JP (a few files), not the ~45 unicode-range slices of the
// whole font. No timing is asserted.
const base = inject('baseUrl');
const dir = process.env.BUILD_DIR ?? 'build';
const chunkDir = join(dir, '_app/immutable/chunks');

/** The chunk(s) holding vega-lite's compiler, found by a message only vega-lite has. */
const vegaLiteChunks = readdirSync(chunkDir)
  .filter((f) => f.endsWith('.js') && readFileSync(join(chunkDir, f), 'utf8').includes('Make sure the specification'))
  .map((f) => `/_app/immutable/chunks/${f}`);

const paths = (rec: Recorder) => rec.requests.filter((u) => u.startsWith(base)).map((u) => new URL(u).pathname);
const fontFiles = (rec: Recorder) => paths(rec).filter((p) => /\.(woff2?|ttf|otf)$/.test(p));
const SUBSET = /\/noto-sans-jp-(400|700)-(core|rest)\.[\w-]+\.woff2$/;

let context: BrowserContext;
let page: Page;
let rec: Recorder;

beforeAll(async () => {
  ({ context, page, rec } = await openReady(`${base}/`));
  for (const v of [V.systems, V.prefectures]) await waitForChart(page, v);
  await page.evaluate(() => document.fonts.ready);
});
afterAll(async () => {
  await context?.close();
});

describe('first visit of the overview: bytes it does not need stay on the server', () => {
  it('the build has a vega-lite chunk (for specs only the browser knows), and the overview never requests it', () => {
    expect(vegaLiteChunks.length).toBeGreaterThan(0);
    const requested = paths(rec);
    expect(requested.some((p) => p.startsWith('/_app/immutable/'))).toBe(true);
    for (const c of vegaLiteChunks) expect(requested).not.toContain(c);
  });

  it('its charts are drawn by Vega with tooltips (vega-tooltip) and no console errors or CSP violations', async () => {
    const bar = page.locator(`[data-testid="${V.systems}"] svg path[role="graphics-symbol"]`).first();
    await bar.hover();
    const tip = page.locator('#vg-tooltip-element');
    await expect.poll(() => tip.evaluate((e) => e.classList.contains('visible'))).toBe(true);
    expect(await tip.textContent()).toMatch(/\d/);
    expect(rec.consoleErrors).toEqual([]);
    expect(rec.cspViolations).toEqual([]);
  });

  it('fetches only the site’s subset font files, at most two per weight, and uses them', async () => {
    const fonts = fontFiles(rec);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.length).toBeLessThanOrEqual(4);
    for (const f of fonts) expect(f).toMatch(SUBSET);
    const loaded = await page.evaluate(() =>
      [...document.fonts].filter((f) => f.family.replaceAll('"', '') === 'Noto Sans JP' && f.status === 'loaded').map((f) => f.weight)
    );
    expect(loaded).toContain('400');
  });

  it('the stylesheets declare Noto Sans JP in at most four @font-face rules (two weights × core/rest)', async () => {
    const faces = await page.evaluate(() =>
      [...document.styleSheets].flatMap((s) => [...s.cssRules]).filter((r) => r instanceof CSSFontFaceRule && r.style.getPropertyValue('font-family').includes('Noto Sans JP')).length
    );
    expect(faces).toBeGreaterThan(0);
    expect(faces).toBeLessThanOrEqual(4);
  });
});

describe('a chart whose spec the build could not know is compiled in the browser', () => {
  it('the participation map (its topology URL is relative to the page) loads vega-lite on demand and draws', async () => {
    const ctx = await launch();
    try {
      const { page: p, rec: r } = await openPage(ctx, `${base}/participation`);
      await p.waitForSelector('.chart[data-ready="true"] svg', { timeout: 45000 });
      expect(vegaLiteChunks.some((c) => paths(r).includes(c))).toBe(true);
      expect(r.consoleErrors).toEqual([]);
    } finally {
      await ctx.close();
    }
  });
});
