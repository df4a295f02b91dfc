import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { launch, openPage, waitForEngine } from './support/browser';

// axe-core from npm (never a CDN), evaluated through the DevTools protocol so the page's
// strict CSP stays on. Every page, once interactive, must have no serious or critical violation.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const base = inject('baseUrl');
const PAGES = ['/', '/about', '/cases', '/cases/C0102', '/systems', '/participation', '/prefectures', '/console'];
let context: BrowserContext;

beforeAll(async () => {
  context = await launch();
});
afterAll(async () => {
  await context?.close();
});

describe('accessibility (axe-core)', () => {
  for (const path of PAGES) {
    it(`${path} has no serious or critical violations`, async () => {
      const { page, rec } = await openPage(context, `${base}${path}`);
      if (await page.locator('[data-testid="engine-loading"]').count()) await waitForEngine(page);
      await page.waitForLoadState('networkidle');
      await page.evaluate(axeSource);
      const violations = await page.evaluate(async () => {
        // @ts-expect-error axe is defined by the evaluated source
        const r = await window.axe.run(document, { resultTypes: ['violations'] });
        return r.violations
          .filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical')
          .map((v: { id: string; impact: string; nodes: { target: string[] }[] }) => `${v.impact} ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      });
      expect(violations).toEqual([]);
      expect(rec.cspViolations).toEqual([]);
      await page.close();
    });
  }
});
