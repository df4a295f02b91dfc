import type { Page } from 'playwright-core';

/** The 「表で見る」 disclosure of a visual: its summary, as a person finds it. */
const tableSummary = (page: Page, visual: string) =>
  page.locator(`[data-testid="${visual}"] details > summary`, { hasText: '表で見る' }).first();

/** Whether a visual's 「表で見る」 is open. */
export const tableOpen = (page: Page, visual: string) =>
  tableSummary(page, visual).evaluate((s) => (s.parentElement as HTMLDetailsElement).open);

/**
 * The rows of a visual's 「表で見る」 table as cell texts: the disclosure is opened (its rows
 * are rendered only while it is open), read, and closed again if it was closed, so a test
 * that opens it by keyboard finds it closed. It is opened through the <details> element
 * itself, in one step in the page, not by a Playwright click on its summary: a click's
 * actionability waits, twice per table and several tables per poll, made the seeded-state
 * test ≈ 25 % slower. tests/overview.e2e.ts opens it with the keyboard as a person does.
 * Rows are [] if the table is not rendered within 10 s (a poll then reads again).
 */
export async function tableOf(page: Page, visual: string): Promise<string[][]> {
  return tableSummary(page, visual).evaluate(async (summary) => {
    const details = summary.parentElement as HTMLDetailsElement;
    const wasOpen = details.open;
    details.open = true; // the toggle event renders the table (before hydration: on mount)
    const t0 = performance.now();
    while (!details.querySelector('table') && performance.now() - t0 < 10000) await new Promise((r) => setTimeout(r, 10));
    const rows = Array.from(details.querySelectorAll('table tbody tr'), (tr) =>
      // The last cell of a selectable row holds the 「選択」 button, not data.
      Array.from(tr.querySelectorAll('td:not(:has(button))'), (td) => (td.textContent ?? '').trim())
    );
    if (!wasOpen) details.open = false;
    return rows;
  });
}

/**
 * Waits until a form control can be used: controls stay disabled until the page has hydrated
 * (src/lib/ui/hydrated.svelte.ts, set by the root layout once every part of the page is
 * mounted), and a person cannot use a disabled one either. An input before that is not
 * "while the engine loads" but before the page's script runs.
 */
export const untilHydrated = (page: Page, selector: string) => page.waitForSelector(`${selector}:enabled`, { state: 'attached', timeout: 30_000 });

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

/**
 * The page's address once it shows the page's filters. A click's filters reach the address when
 * the page is next idle, at most 300 ms later (src/lib/filter/cross-filter.svelte.ts `commit`);
 * idle callbacks run in the order they were asked for, so once one asked for now has run, so has
 * every pending address update. Read in the page: Playwright's `page.url()` follows it by an event
 * that may arrive later still.
 */
export async function addressUpdated(page: Page): Promise<string> {
  return page.evaluate(() => new Promise<string>((r) => requestIdleCallback(() => r(location.href))));
}

/** The filter bar's chips, as their trimmed texts (「項目: 値」), in the bar's order. */
export const filterChips = async (page: Page) =>
  (await page.locator('[data-testid="filter-bar"] [data-testid="filter-chip"]').allTextContents()).map((t) => t.trim());
