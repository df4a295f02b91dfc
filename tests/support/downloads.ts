import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';

const dir = mkdtempSync(join(tmpdir(), 'downloads-'));
/** Bytes of every file downloaded in this test process, by file name. */
export const sizes: Record<string, number> = {};

/** Opens 「データをダウンロード」, picks format and labels, downloads one source; returns the saved path and the browser's file name. */
export async function download(page: Page, source: string, format: 'Parquet' | 'UTF-8' | 'Shift_JIS', japanese = false) {
  if (!(await page.getByTestId('download-dialog').isVisible())) await page.getByTestId('download-open').click();
  await page.getByRole('radio', { name: new RegExp(format === 'Parquet' ? '^Parquet' : format.replace('-', '-?')) }).check();
  await page.getByTestId('download-japanese').setChecked(japanese);
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), page.getByTestId(`download-${source}`).click()]);
  const name = file.suggestedFilename();
  const path = await saved(file);
  sizes[name] = statSync(path).size;
  return { path, name };
}

/** Saves a download under its own name and returns the path (the shared browser is remote: `download.path()` is not available). */
export async function saved(file: Download): Promise<string> {
  // A fresh folder per file: tests may download the same name from two tabs at once.
  const path = join(mkdtempSync(join(dir, 'f-')), file.suggestedFilename());
  await file.saveAs(path);
  return path;
}
