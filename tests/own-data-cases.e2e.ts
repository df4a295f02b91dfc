/**
 * The case detail on the user's own data (issue 11): import a modified survey (one case
 * added that the shipped data does not have, one shipped case renamed), open the added
 * case from 事例一覧 by its link and by keyboard (radio + 「選択した事例の詳細を見る」), and
 * compare every section with native DuckDB over the same data (the CSV run through the
 * build's validator and written as Parquet here). An unknown or hostile id gets a Japanese
 * message; no request carries the file or any id of it (the id rides in the fragment).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { dataset } from '../model/dataset';
import { parseCsv, stringifyCsv } from '../scripts/data/csv';
import { loadReference } from '../scripts/data/load-reference';
import { processSurvey } from '../scripts/data/survey-core';
import { writeParquet } from '../scripts/data/write-parquet';
import { NativeEngine } from '../src/lib/db/native-engine';
import type { Row } from '../src/lib/db/types';
import { caseQuery, participantsQuery, subsidiesQuery } from '../src/routes/cases/[id]/detail-queries';
import { SECTIONS, TEXT_SECTIONS } from '../src/routes/cases/[id]/detail-sections';
import { launch, openPage, type Recorder } from './support/browser';
import { untilHydrated } from './support/page-reading';

const base = inject('baseUrl');
const dir = mkdtempSync(join(tmpdir(), 'own-cases-'));
const NEW_ID = 'MYDATA-0001';
const RENAMED = 'テスト用に名前を変えた事例';
let context: BrowserContext;
let page: Page;
let rec: Recorder;
let oracle: NativeEngine;
let renamedId = '';
let survey: { cases: string; part: string };
const seen: Request[] = [];

function save(name: string, text: string): string {
  const path = join(mkdtempSync(join(dir, 'in-')), name);
  writeFileSync(path, text);
  return path;
}

/** The bundled survey plus a copy of a case with subsidy names under a new id (its participants too), and one shipped case renamed. */
function modifiedSurvey(): { cases: string; part: string } {
  const [header, ...rows] = parseCsv(readFileSync('data/survey/cases.csv', 'utf8')).rows;
  const col = (name: string) => header!.indexOf(name);
  const source = rows.find((r) => r[col('補助金の有無')] === 'あり' && r[col('補助金の名称')] !== '' && r[col('出典')] !== '公開資料')!;
  const copy = [...source];
  copy[col('事例ID')] = NEW_ID;
  copy[col('サービス名')] = '自分のデータだけにある事例';
  copy[col('出典')] = '調査票';
  const renamed = rows.find((r) => r !== source)!;
  renamedId = renamed[col('事例ID')]!;
  renamed[col('サービス名')] = RENAMED;
  const [pHeader, ...pRows] = parseCsv(readFileSync('data/survey/participation.csv', 'utf8')).rows;
  const pId = pHeader!.indexOf('事例ID');
  const pProv = pHeader!.indexOf('出典');
  const copies = pRows.filter((r) => r[pId] === source[col('事例ID')]).map((r) => r.map((c, i) => (i === pId ? NEW_ID : i === pProv ? '調査票' : c)));
  return { cases: stringifyCsv(header!, [...rows, copy]), part: stringifyCsv(pHeader!, [...pRows, ...copies]) };
}

beforeAll(async () => {
  survey = modifiedSurvey();
  // The oracle: the same CSV through the build's validator, as Parquet, read by native DuckDB.
  const result = processSurvey({ cases: new TextEncoder().encode(survey.cases), participation: new TextEncoder().encode(survey.part) }, loadReference('data/reference'));
  if (!result.ok) throw new Error(`fixture invalid: ${JSON.stringify(result.problems.slice(0, 3))}`);
  const out = mkdtempSync(join(dir, 'parquet-'));
  await writeParquet(result.tables, out);
  oracle = await NativeEngine.open(dataset, out);
  context = await launch();
  context.on('request', (r) => void seen.push(r));
  ({ page, rec } = await openPage(context, `${base}/own-data`));
}, 120_000);
afterAll(async () => context?.close());

const q = async (compiled: ReturnType<typeof caseQuery>) => {
  if (!compiled.ok) throw new Error(compiled.error);
  return oracle.query(compiled.sql);
};

/** Every section of the page on screen equals the declarations applied to the native rows. */
async function expectDetail(id: string): Promise<void> {
  const [c] = (await q(caseQuery(id))) as [Row];
  expect(c).toBeDefined();
  const participants = await q(participantsQuery(id));
  const subsidies = await q(subsidiesQuery(id));
  await page.getByTestId('case-detail').waitFor({ timeout: 45_000 });
  expect(await page.getByTestId('detail-title').textContent()).toBe(String(c.service_name));
  expect(await page.getByTestId('detail-kicker').textContent()).toBe(`${c.division} ／ ${c.system_name}`);
  for (const f of SECTIONS.flatMap((s) => s.fields)) {
    expect(await page.locator(`.row[data-field="${f.name}"] .value`).textContent(), f.label).toBe(f.text(c));
  }
  for (const t of TEXT_SECTIONS) {
    expect(await page.locator(`section[data-field="${t.name}"] .value`).textContent(), t.label).toBe(t.text(c) || '（記載なし）');
  }
  expect(await page.locator('.row[data-field="subsidy"] .names li').allTextContents()).toEqual(subsidies.map((s) => String(s.subsidy_name)));
  expect(await page.getByTestId('participants').locator('li').allTextContents()).toEqual(participants.map((p) => String(p.display_name)));
  expect(participants.length).toBeGreaterThan(0);
  expect(await page.getByTestId('participants').locator('h3').textContent()).toContain(`${participants.length}団体／${c.prefecture_name}の全${c.municipality_count}団体`);
  // The user's data is theirs: badged as such, never as this site's 公開資料/合成データ.
  expect(await page.getByTestId('provenance-badge').textContent()).toBe('自分のデータ');
}

describe('the case detail on the user’s own data', () => {
  it('imports the modified survey (kept in this browser) and shows the dashboard on it', async () => {
    const status = page.getByTestId('own-data-status');
    await untilHydrated(page, '[data-testid="own-data-input"]');
    await page.getByTestId('own-data-input').setInputFiles([save('cases.csv', survey.cases), save('participation.csv', survey.part)]);
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 60_000 }).toBe('valid');
    // Kept in this browser, so a reload of a data=local address finds it (the unknown-id and /cases/[id] checks).
    await page.getByTestId('own-data-asof').fill('2025-03-31');
    await page.getByTestId('own-data-keep').setChecked(true);
    await page.getByTestId('own-data-show').click();
    await page.getByTestId('data-banner').waitFor();
  }, 120_000);

  it('opens a case that exists only in the user’s data from 事例一覧’s link, every section as native DuckDB reads the same data', async () => {
    await page.getByRole('navigation', { name: 'ページ' }).getByRole('link', { name: '事例一覧', exact: true }).click();
    await page.waitForURL(/\/cases\?data=local$/);
    const row = page.locator(`tr[data-case-id="${NEW_ID}"]`);
    await row.waitFor({ timeout: 45_000 });
    await row.getByRole('link').click();
    await page.waitForURL((u) => u.pathname.endsWith('/cases/local') && u.hash === `#id=${NEW_ID}`);
    await expectDetail(NEW_ID);
    expect(await page.getByTestId('file-provenance').textContent()).toContain('調査票');
    expect(await page.locator('.syn').count()).toBe(0);
    // 「一覧に戻る」 returns to the list on the same data.
    await page.getByTestId('back-to-list').click();
    await page.waitForURL(/\/cases\?data=local$/);
  }, 90_000);

  it('opens it by keyboard too: the row’s radio, then 「選択した事例の詳細を見る」', async () => {
    const radio = page.locator(`tr[data-case-id="${NEW_ID}"] input[type=radio]`);
    await radio.waitFor({ timeout: 45_000 });
    await radio.focus();
    await page.keyboard.press('Space');
    await page.getByTestId('open-detail').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname.endsWith('/cases/local') && u.hash === `#id=${NEW_ID}`);
    await expectDetail(NEW_ID);
  }, 60_000);

  it('a shipped case id shows the user’s version of it, also on its prerendered address', async () => {
    await page.goto(`${base}/cases/${renamedId}?data=local`);
    await page.getByTestId('data-banner').waitFor();
    await expectDetail(renamedId);
    expect(await page.getByTestId('detail-title').textContent()).toBe(RENAMED);
  }, 90_000);

  it('an unknown or hostile id: a clear Japanese message, never a published case', async () => {
    for (const id of ['NOPE-999', "C0001' OR '1'='1", 'x\u0000y']) {
      await page.goto(`${base}/cases/local?data=local#id=${encodeURIComponent(id)}`);
      await page.getByTestId('data-banner').waitFor();
      const msg = page.getByTestId('live-case-missing');
      await msg.waitFor({ timeout: 45_000 });
      expect(await msg.textContent()).toContain(`事例ID「${id}」の事例は、表示中の自分のデータにありません`);
      expect(await page.getByTestId('case-detail').count()).toBe(0);
    }
    await page.goto(`${base}/cases/local?data=local`);
    await page.getByTestId('live-case-missing').waitFor({ timeout: 45_000 });
    expect(await page.getByTestId('live-case-missing').textContent()).toContain('事例IDが指定されていません');
  }, 90_000);

  it('no request carried the file or an id only the user’s data has; no console error or CSP violation', () => {
    const carrying = seen.filter((r) => !['GET', 'HEAD'].includes(r.method()) || r.postData() !== null || r.url().includes(NEW_ID) || r.url().includes('NOPE-999'));
    expect(carrying.map((r) => `${r.method()} ${r.url()}`)).toEqual([]);
    expect(seen.length).toBeGreaterThan(0);
    expect(rec.offOrigin).toEqual([]);
    expect(rec.cspViolations).toEqual([]);
    expect(rec.consoleErrors).toEqual([]);
  });
});
