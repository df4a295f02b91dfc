import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { openReady, type Recorder } from './support/browser';

// axe-core from npm (never a CDN), evaluated through the DevTools protocol so the page's
// strict CSP stays on. Pages are reached through the site's own navigation, as a person
// would, so the engine starts once; each must have no serious or critical violation.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const base = inject('baseUrl');
const NAV = ['共同調達とは', '事例一覧', 'システム種別ごと', '市区町村の参加状況', '都道府県ごと', 'SQLコンソール', '自分のデータで見る'];
let context: BrowserContext;
let page: Page;
let rec: Recorder;

/**
 * Rows of a table body after the 20th are left out: they come from the same template as the
 * first 20, and axe's colour-contrast rule on all 245 rows of 事例一覧 (8,900 elements) took
 * 19–30 s of the suite for nothing more.
 */
const SAME_TEMPLATE_ROWS = 'tbody tr:nth-child(n+21)';

async function seriousViolations(p: Page): Promise<string[]> {
  await p.evaluate(axeSource);
  return p.evaluate(async (exclude) => {
    // @ts-expect-error axe is defined by the evaluated source
    const r = await window.axe.run({ include: [['html']], exclude: [[exclude]] }, { resultTypes: ['violations'] });
    return r.violations
      .filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical')
      .map((v: { id: string; impact: string; nodes: { target: string[] }[] }) => `${v.impact} ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  }, SAME_TEMPLATE_ROWS);
}

beforeAll(async () => {
  ({ context, page, rec } = await openReady(`${base}/`));
});
afterAll(async () => {
  await context?.close();
});

describe('accessibility (axe-core)', () => {
  it('共同調達の状況 (/) has no serious or critical violations', async () => {
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page)).toEqual([]);
  });

  for (const label of NAV) {
    it(`${label} has no serious or critical violations`, async () => {
      await page.getByRole('navigation', { name: 'ページ' }).getByRole('link', { name: label, exact: true }).click();
      await page.waitForSelector(`nav a[aria-current="page"]:text-is("${label}")`);
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(500);
      expect(await seriousViolations(page)).toEqual([]);
    });
  }

  it('事例詳細 has no serious or critical violations', async () => {
    await page.goto(`${base}/cases/C0102`);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('logged no CSP violations and no request off its own origin', () => {
    expect(rec.cspViolations).toEqual([]);
    expect(rec.offOrigin).toEqual([]);
  });
});
