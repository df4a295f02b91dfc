/**
 * 「自分のデータで見る」 (/own-data): a person picks the template files; the same
 * validator as the build runs in a Web Worker; problems appear with the Excel row;
 * a valid survey is exported as the same Parquet the build writes. No byte of the
 * file leaves the page: every request during the import is a GET of the site's own
 * static files.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TABLE_SCHEMAS } from '../scripts/data/parquet-schema';
import { mulberry32 } from '../scripts/data/prng';
import { crlf, shiftJis } from '../scripts/data/test-support/survey-fixture';
import { literal } from '../src/lib/sql/quote';
import { launch, openPage, type Recorder } from './support/browser';
import { untilHydrated } from './support/page-reading';

const base = inject('baseUrl');
const dir = mkdtempSync(join(tmpdir(), 'own-data-'));
let context: BrowserContext;
let db: DuckDBConnection;

beforeAll(async () => {
  context = await launch();
  db = await (await DuckDBInstance.create(':memory:')).connect();
});
afterAll(async () => context?.close());

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** axe-core from npm, evaluated through DevTools so the page's CSP stays on: serious and critical violations. */
async function seriousViolations(p: Page): Promise<string[]> {
  await p.evaluate(axeSource);
  return p.evaluate(async () => {
    // @ts-expect-error axe is defined by the evaluated source
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical').map((v: { id: string }) => v.id);
  });
}

const q = async (sql: string) => (await db.runAndReadAll(sql)).getRowObjectsJS();

function file(name: string, bytes: Uint8Array | string): string {
  const sub = mkdtempSync(join(dir, 'in-'));
  const path = join(sub, name);
  writeFileSync(path, bytes);
  return path;
}

async function importFiles(page: Page, paths: string[]): Promise<string> {
  const status = page.getByTestId('own-data-status');
  const runs = Number(await status.getAttribute('data-runs'));
  await untilHydrated(page, '[data-testid="own-data-input"]');
  await page.getByTestId('own-data-input').setInputFiles(paths);
  await expect.poll(async () => Number(await status.getAttribute('data-runs')), { timeout: 30_000 }).toBe(runs + 1);
  return (await status.getAttribute('data-status')) ?? '';
}

/** Requests that could carry the file: anything but a body-less GET/HEAD of this origin. */
function watchRequests(page: Page): Request[] {
  const suspicious: Request[] = [];
  page.context().on('request', (r) => {
    if (!['GET', 'HEAD'].includes(r.method()) || !r.url().startsWith(base) || r.postData() !== null) suspicious.push(r);
  });
  return suspicious;
}

describe('自分のデータで見る', () => {
  let page: Page;
  let rec: Recorder;
  beforeAll(async () => {
    ({ page, rec } = await openPage(context, `${base}/own-data`));
  });

  it('has no serious accessibility violation before a file is picked', async () => {
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('speaks to a municipal user: a command to run appears only under 管理者向け', async () => {
    const admin = page.getByTestId('own-data-admin');
    expect(await admin.locator('summary').textContent()).toContain('管理者向け');
    expect(await admin.textContent()).toContain('npm run data');
    const outside = await page.locator('main').evaluate((m) => {
      const copy = m.cloneNode(true) as HTMLElement;
      copy.querySelector('[data-testid="own-data-admin"]')?.remove();
      return copy.textContent ?? '';
    });
    expect(outside).not.toMatch(/npm|--input/);
  });

  it('imports the bundled survey saved as Excel does (Shift_JIS, CRLF) and exports exactly the build’s Parquet', async () => {
    const suspicious = watchRequests(page);
    const cases = file('cases.csv', shiftJis(crlf(readFileSync('data/survey/cases.csv', 'utf8'))));
    const part = file('participation.csv', shiftJis(crlf(readFileSync('data/survey/participation.csv', 'utf8'))));
    expect(await importFiles(page, [cases, part])).toBe('valid');
    await expect.poll(() => page.getByTestId('own-data-valid').textContent()).toMatch(/事例 245件、参加団体 6,057行/);
    await page.getByTestId('own-data-export').click();
    await page.getByTestId('own-data-files').waitFor({ timeout: 60_000 });
    for (const table of Object.keys(TABLE_SCHEMAS)) {
      const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`own-data-save-${table}.parquet`).click()]);
      const path = join(dir, `${table}.parquet`);
      await dl.saveAs(path);
      const sql = (p: string) => (table === 'dataset' ? `SELECT * EXCLUDE (built_from) FROM read_parquet(${literal(p)})` : `SELECT * FROM read_parquet(${literal(p)}) ORDER BY ALL`);
      expect(await q(sql(path)), table).toEqual(await q(sql(`static/data/${table}.parquet`)));
      const types = (p: string) => q(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet(${literal(p)}))`);
      expect(await types(path), table).toEqual(await types(`static/data/${table}.parquet`));
    }
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('own-data-save-cases.csv').click()]);
    const csvPath = join(dir, 'exported-cases.csv');
    await csv.saveAs(csvPath);
    // The template export is the normalised form: identical to the committed file.
    expect(readFileSync(csvPath, 'utf8')).toBe(readFileSync('data/survey/cases.csv', 'utf8'));
    expect(suspicious.map((r) => `${r.method()} ${r.url()}`)).toEqual([]);
    expect(rec.offOrigin).toEqual([]);
    expect(rec.cspViolations).toEqual([]);
  }, 120_000);

  it('shows each problem of malformed files with the row Excel shows, in Japanese and English', async () => {
    const suspicious = watchRequests(page);
    const text = readFileSync('data/survey/cases.csv', 'utf8');
    const lines = text.split('\n');
    // Row 3 has a NUL; row 5 an unknown band. Rows before them contain multi-line cells, so physical lines differ.
    const bad = [lines[0], ...lines.slice(1)].join('\n');
    const rows = bad.split(/\n(?=C\d{4},)/);
    rows[2] = (rows[2] ?? '').replace(/,(クラウドサービス|オンプレミス開発),/, ',クラウド\u0000サービス,');
    rows[4] = (rows[4] ?? '').replace(/,(0|5百万未満|5百万-1千万|1千万-3千万|3千万-5千万|5千万-1億|1億-5億|5億以上),/, ',高い,');
    const cases = file('cases.csv', rows.join('\n'));
    const part = file('participation.csv', `${readFileSync('data/survey/participation.csv', 'utf8')}X9,141003,合成データ\nX9,141305,合成データ\n`);
    expect(await importFiles(page, [cases, part])).toBe('invalid');
    const table = page.getByTestId('own-data-problems');
    const cells = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')));
    expect(cells).toEqual([
      ['cases.csv', '3', 'システム環境種別', 'クラウド\\u0000サービス', expect.stringContaining('制御文字'), expect.stringContaining('control character')],
      ['cases.csv', '5', expect.stringMatching(/費用規模/), '高い', '不明な費用規模です', 'unknown cost band'],
      ['participation.csv', '6059', '事例ID', 'X9', expect.stringContaining('cases.csv にない事例ID'), expect.stringContaining('2 rows')],
    ]);
    // Sorting by file descending puts participation.csv first; the header says so to assistive technology.
    await table.getByRole('button', { name: 'ファイル' }).click();
    await table.getByRole('button', { name: 'ファイル' }).click();
    expect(await table.locator('th').first().getAttribute('aria-sort')).toBe('descending');
    expect(await table.locator('tbody tr td').first().textContent()).toBe('participation.csv');
    expect(await seriousViolations(page)).toEqual([]);
    expect(suspicious).toEqual([]);
  }, 60_000);

  it('names a whole-file problem once (a UTF-16 cases.csv), without follow-on errors', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync('data/survey/cases.csv', 'utf8'), 'utf16le')]);
    const status = await importFiles(page, [file('cases.csv', utf16), file('participation.csv', readFileSync('data/survey/participation.csv'))]);
    expect(status).toBe('invalid');
    const codes = await page.getByTestId('own-data-problems').locator('tbody tr td:nth-child(5)').allTextContents();
    expect(codes).toEqual([expect.stringContaining('UTF-16'), expect.stringContaining('照合していません')]);
  }, 60_000);

  it('a file that is not a CSV, picked as cases.csv, is named for what it is (never a mix of encodings)', async () => {
    const participation = file('participation.csv', readFileSync('data/survey/participation.csv'));
    // Seeded bytes, as a corrupt or unrelated file has; then a ZIP (what an .xlsx workbook is).
    const rng = mulberry32(20240131);
    const random = Uint8Array.from({ length: 4096 }, () => rng.int(0, 255));
    const problems = page.getByTestId('own-data-problems').locator('tbody tr td:nth-child(5)');
    expect(await importFiles(page, [file('cases.csv', random), participation])).toBe('invalid');
    expect(await problems.allTextContents()).toEqual([expect.stringContaining('テキスト（CSV）のファイルではありません'), expect.stringContaining('照合していません')]);
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...random.subarray(0, 1000)]);
    expect(await importFiles(page, [file('cases.csv', zip), participation])).toBe('invalid');
    expect(await problems.allTextContents()).toEqual([expect.stringContaining('Excel ブック（.xlsx）などの ZIP 形式'), expect.stringContaining('照合していません')]);
  }, 60_000);

  it('refuses a Parquet set with wrong values exactly like the CSV: unknown prefecture code, participation for a missing case, a bad date', async () => {
    const suspicious = watchRequests(page);
    const src = (t: string) => `read_parquet(${literal(`${process.env.BUILD_DIR ?? 'build'}/data/${t}.parquet`)}, file_row_number = true)`;
    const out = mkdtempSync(join(dir, 'bad-parquet-'));
    const write = async (t: string, select: string) => {
      await db.run(`COPY (${select.replaceAll('{t}', src(t))}) TO ${literal(join(out, `${t}.parquet`))} (FORMAT parquet, COMPRESSION zstd)`);
      return join(out, `${t}.parquet`);
    };
    const paths = [
      // Row 3 of case.parquet: prefecture code 99; row 4: start month 13.
      await write('case', `SELECT * EXCLUDE (file_row_number) REPLACE (CASE WHEN file_row_number = 2 THEN '99' ELSE prefecture_code END AS prefecture_code, CASE WHEN file_row_number = 3 THEN 13 ELSE start_month END AS start_month) FROM {t}`),
      // A last row naming a case that case.parquet does not have.
      await write('participation', `SELECT * EXCLUDE (file_row_number) FROM {t} UNION ALL SELECT 'X9', '141003', 'synthetic'`),
      ...(await Promise.all(['case_subsidy', 'case_cost_basis', 'dataset'].map((t) => write(t, `SELECT * EXCLUDE (file_row_number) FROM {t}`))))
    ];
    expect(await importFiles(page, paths)).toBe('invalid');
    const table = page.getByTestId('own-data-problems');
    const cells = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')));
    const [year] = (await q(`SELECT start_year AS y FROM ${src('case')} WHERE file_row_number = 3`)).map((r) => Number(r.y));
    expect(cells).toEqual([
      ['case.parquet', '3', '都道府県コード（prefecture_code）', '99', '不明な都道府県です', 'unknown prefecture'],
      ['case.parquet', '4', '導入時期（start_year, start_month）', `${year}-13`, expect.stringContaining('導入月が範囲外'), expect.stringContaining('month out of range')],
      ['participation.parquet', '6058', '事例ID（case_id）', 'X9', 'case.parquet にない事例IDです', 'case id not found in case.parquet'],
    ]);
    expect(await page.getByTestId('own-data-switch').count()).toBe(0);
    expect(suspicious).toEqual([]);
  }, 60_000);
});
