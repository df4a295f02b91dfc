import type { Page } from 'playwright-core';

/** Drives the SQL console (/console) as a person would: type into the editor, Ctrl+Enter, read the grid. */
export const consoleState = (p: Page) => p.getByTestId('console-state').getAttribute('data-state');

export const consoleReady = (p: Page, timeout = 60000) =>
  p.waitForSelector('[data-testid="console-state"][data-state="ready"]', { state: 'attached', timeout });

/** Cell texts of the rows the grid has drawn (row number first). */
export const gridRows = (p: Page) =>
  p.$$eval('[data-testid="result-grid"] [data-row]', (rows) => rows.map((r) => Array.from(r.children, (c) => (c as HTMLElement).innerText)));

export async function typeSql(p: Page, text: string) {
  // Top-left of the editor: an open completion list below the cursor must not take the click.
  await p.locator('.cm-content').click({ position: { x: 4, y: 4 } });
  await p.keyboard.press('Control+a');
  await p.keyboard.insertText(text);
}

/** Types `text`, runs it (Ctrl+Enter runs the statement under the cursor; select all to run every statement) and waits until the console is idle. */
export async function runSql(p: Page, text: string, opts: { all?: boolean; timeout?: number } = {}) {
  await typeSql(p, text);
  await p.keyboard.press('Escape'); // close the autocomplete popup
  if (opts.all) await p.keyboard.press('Control+a');
  const before = Number(await p.getByTestId('console-state').getAttribute('data-runs'));
  await p.keyboard.press('Control+Enter');
  // data-runs counts finished runs (a result, an error, a refusal or "nothing to run").
  await p.waitForFunction(
    (n) => {
      const el = document.querySelector('[data-testid="console-state"]');
      return Number(el?.getAttribute('data-runs')) > n && el?.getAttribute('data-state') === 'ready';
    },
    before,
    { timeout: opts.timeout ?? 60000 }
  );
}

/** The console's error (Japanese line and DuckDB's English), or null. */
export async function consoleError(p: Page): Promise<{ ja: string; en: string } | null> {
  const box = p.getByTestId('console-error');
  if ((await box.count()) === 0) return null;
  const en = p.getByTestId('console-error-en');
  return { ja: (await box.locator('.ja').innerText()).trim(), en: (await en.count()) ? (await en.innerText()).trim() : '' };
}
