import type { Page } from 'playwright-core';

/** The rows of a visual's 「表で見る」 table, as cell texts (read from the DOM, open or not). */
export async function tableOf(page: Page, visual: string): Promise<string[][]> {
  return page.$$eval(`[data-testid="${visual}"] details table tbody tr`, (trs) =>
    // The last cell of a selectable row holds the 「選択」 button, not data.
    trs.map((tr) => Array.from(tr.querySelectorAll('td:not(:has(button))'), (td) => (td.textContent ?? '').trim()))
  );
}

/** Clicks the bar whose ARIA label (written by Vega) mentions `label`. */
export async function clickBar(page: Page, visual: string, label: string, modifiers: ('Control' | 'Shift')[] = []) {
  const bar = page.locator(`[data-testid="${visual}"] svg path[role="graphics-symbol"][aria-label*="${label}"]`).first();
  await bar.click({ modifiers });
}

export async function waitForChart(page: Page, visual: string) {
  await page.waitForSelector(`[data-testid="${visual}"] .chart[data-ready="true"] svg`, { timeout: 30000 });
}

/** Waits until the visual has no query in flight. */
export async function settled(page: Page, visual: string) {
  await page.waitForSelector(`[data-testid="${visual}"][aria-busy="false"]`, { timeout: 10000 });
}
