import type { Page } from 'playwright-core';

/**
 * A visit's looking around, as the wasm code-cache tools make it: `n` cross-filter clicks on
 * the bars of システム別の事例件数, one after another, each given 300 ms; the first half
 * plain, the second half with Ctrl (multi-bar states: the engine's path). Enough of them
 * (40) make V8 optimise enough of DuckDB's wasm for Chromium to write its code cache.
 */
export async function clickAround(page: Page, n: number): Promise<void> {
  const bars = '[data-testid="ov-systems"] svg path[role="graphics-symbol"]';
  await page.locator('[data-testid="ov-systems"]').scrollIntoViewIfNeeded();
  for (let i = 0; i < n; i++) {
    const targets = await page.$$eval(bars, (ps) => ps.map((p) => p.getBoundingClientRect()).filter((r) => r.width >= 3 && r.height >= 3).map((r) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 })));
    const at = targets[i % targets.length];
    if (!at) return;
    const additive = i >= n / 2;
    if (additive) await page.keyboard.down('Control');
    await page.mouse.click(at.x, at.y);
    if (additive) await page.keyboard.up('Control');
    await page.waitForTimeout(300);
  }
}
