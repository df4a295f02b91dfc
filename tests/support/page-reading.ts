import type { Page } from 'playwright-core';

/** The 「表で見る」 disclosure of a visual: its summary, as a person finds it. */
const tableSummary = (page: Page, visual: string) =>
  page.locator(`[data-testid="${visual}"] details > summary`, { hasText: '表で見る' }).first();

/**
 * Opens a visual's 「表で見る」 (its rows are rendered only once it is open) and waits for
 * its table. Clicked before hydration, the native disclosure opens and the page renders
 * the table once it has hydrated; a closed one is clicked again.
 */
export async function openTable(page: Page, visual: string): Promise<void> {
  const summary = tableSummary(page, visual);
  const table = page.locator(`[data-testid="${visual}"] details[open] table`);
  for (let attempt = 0; ; attempt++) {
    if (!(await tableOpen(page, visual))) await summary.click();
    try {
      await table.first().waitFor({ timeout: 5000 });
      return;
    } catch (e) {
      if (attempt >= 3) throw e;
    }
  }
}

/** Whether a visual's 「表で見る」 is open. */
export const tableOpen = (page: Page, visual: string) =>
  tableSummary(page, visual).evaluate((s) => (s.parentElement as HTMLDetailsElement).open);

/**
 * The rows of a visual's 「表で見る」 table as cell texts, read as a person would: open it,
 * read, and close it again if it was closed (so a test that opens it by keyboard finds it closed).
 */
export async function tableOf(page: Page, visual: string): Promise<string[][]> {
  const wasOpen = await tableOpen(page, visual);
  await openTable(page, visual);
  const rows = await page.$$eval(`[data-testid="${visual}"] details[open] table tbody tr`, (trs) =>
    // The last cell of a selectable row holds the 「選択」 button, not data.
    trs.map((tr) => Array.from(tr.querySelectorAll('td:not(:has(button))'), (td) => (td.textContent ?? '').trim()))
  );
  if (!wasOpen) await tableSummary(page, visual).click();
  return rows;
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
