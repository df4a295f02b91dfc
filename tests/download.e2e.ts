import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { BrowserContext, Page } from 'playwright-core';
import { model } from '../model/kyodo-model';
import { compileRows } from '../src/lib/query/compile';
import { literal } from '../src/lib/sql/quote';
import { SLICERS } from '../src/routes/filter-registry';
import { V } from '../src/routes/overview-queries';
import { launch, openPage, waitForEngine, type Recorder } from './support/browser';
import { direct } from './support/oracle';
import { download, sizes } from './support/downloads';
import { clickBar, waitForChart } from './support/page-reading';

const base = inject('baseUrl');
const dir = mkdtempSync(join(tmpdir(), 'console-exports-'));
let context: BrowserContext;
let db: DuckDBConnection;
const recs: Recorder[] = [];

beforeAll(async () => {
  context = await launch();
  db = await (await DuckDBInstance.create(':memory:')).connect();
});
afterAll(async () => {
  console.log('download sizes (bytes):', sizes);
  await context?.close();
});

const q = async (sql: string) => (await db.runAndReadAll(sql)).getRowObjectsJS();
const inClause = (s: { source: string; field: string }, values: string[]) => ({ source: s.source, field: s.field, predicate: { kind: 'in' as const, values } });

async function checkParquetMetadata(path: string, filterText: string, urlPart: string) {
  const kv = Object.fromEntries(
    (await q(`SELECT decode(key) AS k, decode(value) AS v FROM parquet_kv_metadata(${literal(path)})`)).map((r) => [r.k, r.v])
  );
  expect(kv.as_of).toBe('2024-01-31');
  expect(kv.filters).toContain(filterText);
  expect(kv.page_url).toContain(urlPart);
  expect(kv.source).toContain('デジタル庁');
  expect(kv.license).toContain('PDL1.0');
  expect(kv.app_version).toMatch(/kyodo-chotatsu-dashboard \d/);
}

describe('downloads of the filtered data', () => {
  it('overview filtered to 施設予約システム: Parquet and CSV hold exactly the rows the page counts', async () => {
    const { page, rec } = await openPage(context, `${base}/`);
    recs.push(rec);
    await waitForEngine(page);
    await waitForChart(page, V.systems);
    await clickBar(page, V.systems, '施設予約システム');
    await expect.poll(() => page.getByTestId('kpi-case-count').textContent()).toBe('18件');
    const filters = [{ source: V.systems, field: 'cases.system_id', predicate: { kind: 'in' as const, values: ['S08'] } }];
    const expectedIds = (await direct(compileRows(model, { from: 'cases', columns: ['cases.case_id'], filters, orderBy: [{ key: 'case_id' }] }))).map((r) => r.case_id);
    expect(expectedIds.length).toBe(18);

    const pq = await download(page, '事例', 'Parquet');
    expect(pq.name).toBe('kyodo-chotatsu_施設予約システム_事例_2024-01-31.parquet');
    expect((await q(`SELECT case_id FROM read_parquet(${literal(pq.path)}) ORDER BY case_id`)).map((r) => r.case_id)).toEqual(expectedIds);
    const types = Object.fromEntries((await q(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet(${literal(pq.path)}))`)).map((r) => [r.column_name, r.column_type]));
    expect(types).toMatchObject({ case_id: 'VARCHAR', start_year: 'INTEGER', participant_count: 'INTEGER', participant_population: 'BIGINT', system_name: 'VARCHAR' });
    // The answer states stay distinct (answered / 非掲載希望 / 不明 / 未回答).
    const states = (await q(`SELECT DISTINCT environment_answer AS a FROM read_parquet(${literal(pq.path)})`)).map((r) => r.a);
    expect(states.length).toBeGreaterThan(1);
    await checkParquetMetadata(pq.path, '施設予約システム', 'ov-systems=S08');
    // Parquet and a direct query agree value for value.
    const direct18 = await q(`SELECT count(*)::INTEGER AS n, sum(participant_count)::INTEGER AS p FROM read_parquet(${literal(pq.path)})`);
    const oracle = await direct(compileRows(model, { from: 'cases', columns: ['cases.participant_count'], filters }));
    expect(direct18[0]).toEqual({ n: 18, p: oracle.reduce((s, r) => s + Number(r.participant_count ?? 0), 0) });

    const part = await download(page, '参加自治体', 'Parquet');
    const expectedPart = await direct(compileRows(model, { from: 'participation', columns: ['participation.lg_code'], filters }));
    expect((await q(`SELECT count(*)::INTEGER AS n FROM read_parquet(${literal(part.path)})`))[0]?.n).toBe(expectedPart.length);

    const csv = await download(page, '事例', 'UTF-8', true);
    expect(csv.name).toBe('kyodo-chotatsu_施設予約システム_事例_2024-01-31_UTF-8.csv');
    const bytes = readFileSync(csv.path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8').decode(bytes);
    expect(text.split('\r\n')[0]).toMatch(/^事例ID,データの出所,/);
    expect(text).toContain('施設予約システム');
    const rows = await q(`SELECT "事例ID" AS id FROM read_csv(${literal(csv.path)}, header = true, all_varchar = true) ORDER BY 1`);
    expect(rows.map((r) => r.id)).toEqual(expectedIds);
    await page.close();
  });

  it('事例一覧 filtered by slicers: Shift_JIS CSV decodes as Excel reads it; Parquet matches the list', async () => {
    const { page, rec } = await openPage(context, `${base}/cases`);
    recs.push(rec);
    await waitForEngine(page);
    await page.getByText('システム名:').click();
    await page.getByRole('checkbox', { name: '施設予約システム' }).check();
    await page.getByRole('checkbox', { name: '電子契約システム' }).check();
    const filters = [inClause(SLICERS.system, ['S08', 'S02'])];
    const expected = (await direct(compileRows(model, { from: 'cases', columns: ['cases.case_id'], filters, orderBy: [{ key: 'case_id' }] }))).map((r) => r.case_id);
    expect(expected.length).toBe(24);
    await expect.poll(() => page.getByTestId('kpi-case-count').textContent()).toBe('24件');
    const listed = await page.$$eval('[data-testid="case-table"] tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-case-id')));

    const pq = await download(page, '事例', 'Parquet');
    const got = (await q(`SELECT case_id FROM read_parquet(${literal(pq.path)}) ORDER BY case_id`)).map((r) => r.case_id);
    expect(got).toEqual(expected);
    expect([...got].sort()).toEqual([...listed].sort());
    await checkParquetMetadata(pq.path, '電子契約システム', 'sys=');

    const sjis = await download(page, '事例', 'Shift_JIS', true);
    expect(sjis.name).toMatch(/_Shift_JIS\.csv$/);
    const text = new TextDecoder('shift_jis').decode(readFileSync(sjis.path));
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(text.split('\r\n')[0]).toMatch(/^事例ID,/);
    expect(text).toContain('電子契約システム');
    const ids = text.split('\r\n').slice(1).filter(Boolean).map((l) => l.split(',')[0]);
    expect(ids.sort()).toEqual(expected);
    await page.close();
  });

  it('console results export: CSV neutralises formula cells, Parquet keeps them; metadata present', async () => {
    const { page, rec } = await openPage(context, `${base}/console`);
    recs.push(rec);
    await page.waitForSelector('[data-testid="console-state"][data-state="ready"]', { state: 'attached', timeout: 60000 });
    await page.locator('.cm-content').click();
    await page.keyboard.insertText(`SELECT * FROM (VALUES ('=HYPERLINK("http://x")', -5, 1), ('+1', 0, 2), ('-1', 1, 3), ('@SUM(A1)', 2, 4), (chr(9) || 'tab', 3, 5), (chr(13) || 'cr', 4, 6), ('普通の文字', NULL, 7)) t(f, n, k) ORDER BY k`);
    await page.keyboard.press('Control+Enter');
    await page.waitForSelector('[data-testid="result-summary"]', { state: 'attached' });
    const save = async (button: string) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('result-export').getByRole('button', { name: button }).click()]);
      const path = join(dir, file.suggestedFilename());
      await file.saveAs(path);
      sizes[file.suggestedFilename()] = statSync(path).size;
      return path;
    };
    const csvPath = await save('CSV UTF-8（BOM付き）'); // the download dialog's name for it
    const csv = await q(`SELECT f, n FROM read_csv(${literal(csvPath)}, header = true, all_varchar = true)`);
    expect(csv.map((r) => r.f)).toEqual([`'=HYPERLINK("http://x")`, "'+1", "'-1", "'@SUM(A1)", "'\ttab", "'\rcr", '普通の文字']);
    expect(csv.map((r) => r.n)).toEqual(['-5', '0', '1', '2', '3', '4', null]);
    const pqPath = await save('Parquet');
    const pq = await q(`SELECT f FROM read_parquet(${literal(pqPath)})`);
    expect(pq.map((r) => r.f)).toEqual(['=HYPERLINK("http://x")', '+1', '-1', '@SUM(A1)', '\ttab', '\rcr', '普通の文字']);
    const kv = (await q(`SELECT decode(key) AS k FROM parquet_kv_metadata(${literal(pqPath)})`)).map((r) => r.k);
    expect(kv).toEqual(expect.arrayContaining(['as_of', 'filters', 'page_url', 'source', 'license', 'app_version', 'sql']));
    await page.close();
  });

  it('logged no console errors, no CSP violations and no request off its own origin', () => {
    for (const rec of recs) {
      expect(rec.consoleErrors).toEqual([]);
      expect(rec.cspViolations).toEqual([]);
      expect(rec.offOrigin).toEqual([]);
    }
  });
});
