import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { FIELD, municipalityCasesQuery, participantsQuery, prefectureQuery, V } from '../src/routes/participation/participation-queries';
import { systemClause } from '../src/routes/systems/default-system';
import { openReady, launch, openPage, waitForEngine, type Recorder } from './support/browser';
import { direct } from './support/oracle';
import { waitForChart } from './support/page-reading';

const base = inject('baseUrl');
let context: BrowserContext;
let page: Page;
let rec: Recorder;

/** Tile texts by prefecture name: the participating count shown on each tile. */
const tileCounts = (p: Page) =>
  p.$$eval(`[data-testid="${V.tiles}"] button.tile`, (bs) =>
    Object.fromEntries(bs.map((b) => [b.querySelector('.name')!.textContent!.replace(/\s*\(\d+\)$/, ''), Number(b.querySelector('.count')!.textContent)]))
  );
const expectedTiles = async (filters: Parameters<typeof prefectureQuery>[0]) => {
  const rows = await direct(prefectureQuery(filters));
  return rows.filter((r) => Number(r.municipality_count) > 0);
};
const PUBLISHED_S08: Record<string, number> = {
  山形県: 35, 茨城県: 20, 千葉県: 13, 神奈川県: 11, 石川県: 8, 福井県: 17, 愛知県: 28, 京都府: 26, 大阪府: 17,
  奈良県: 39, 鳥取県: 2, 岡山県: 7, 広島県: 10, 山口県: 8, 香川県: 5, 愛媛県: 4, 熊本県: 1, 大分県: 2
};
const S08 = systemClause('S08');
/** Map shapes drawn as participating (dark blue). */
const joinedOnMap = (p: Page) => p.locator(`[data-testid="${V.map}"] svg path[role="graphics-symbol"][fill="#0017C1"]`).count();

beforeAll(async () => {
  ({ context, page, rec } = await openReady(`${base}/participation?sys=S08`));
  await waitForChart(page, V.map);
});
afterAll(async () => {
  await context?.close();
});

describe('市区町村の参加状況 in Chromium', () => {
  it('施設予約システム: each published prefecture count in the tile grid, 0 elsewhere, 47 tiles by region', async () => {
    await expect.poll(async () => (await tileCounts(page))['山形県']).toBe(35);
    const tiles = await tileCounts(page);
    expect(Object.keys(tiles).length).toBe(47);
    for (const [name, n] of Object.entries(tiles)) expect([name, n]).toEqual([name, PUBLISHED_S08[name] ?? 0]);
    expect(await page.locator(`[data-testid="${V.tiles}"] [role="group"] h3`).allTextContents()).toEqual([
      '北海道・東北', '関東', '中部', '近畿', '中国・四国', '九州・沖縄'
    ]);
    expect(await page.locator(`[data-testid="${V.tiles}"] button[data-code="06"]`).getAttribute('class')).toContain('majority');
    expect(await page.locator(`[data-testid="${V.tiles}"] button[data-code="08"]`).getAttribute('class')).toContain('answered');
    expect(await page.locator(`[data-testid="${V.tiles}"] button[data-code="01"]`).getAttribute('class')).toContain('none');
    expect(await page.getByTestId('kpi-case-count').textContent()).toBe('18件');
  });

  it('draws the municipalities (no 北方領土 villages) coloured by participation, with the attribution', async () => {
    const participants = await direct(participantsQuery([S08]));
    await expect.poll(() => joinedOnMap(page)).toBe(participants.length);
    expect(participants.length).toBe(253);
    const shapes = await page.locator(`[data-testid="${V.map}"] svg path[role="graphics-symbol"]`).count();
    expect(shapes).toBeGreaterThanOrEqual(1741);
    expect(await page.getByTestId('map-attribution').textContent()).toBe('「国土数値情報（行政区域データ）」（国土交通省）を加工して作成');
  });

  it('a tile click filters the map (not the tiles); Esc clears', async () => {
    await page.locator(`[data-testid="${V.tiles}"] button[data-code="14"]`).click();
    await expect.poll(() => joinedOnMap(page)).toBe(11);
    expect((await tileCounts(page))['山形県']).toBe(35);
    await expect.poll(() => new URL(page.url()).searchParams.get(V.tiles)).toBe('14');
    await page.keyboard.press('Escape');
    await expect.poll(() => joinedOnMap(page)).toBe(253);
  });

  it('a map click selects a municipality: the tiles and the case list follow a direct query', async () => {
    const shape = page.locator(`[data-testid="${V.map}"] svg path[role="graphics-symbol"][aria-label*="山形市"]`).first();
    await shape.scrollIntoViewIfNeeded();
    await shape.click();
    await expect.poll(() => new URL(page.url()).searchParams.get(V.map)).toBe('062014');
    const clause = { source: V.map, field: FIELD.map, predicate: { kind: 'in' as const, values: ['062014'] } };
    const tiles = await expectedTiles([S08, clause]);
    expect(tiles.map((r) => [r.prefecture_code, r.municipality_count])).toEqual([['06', 1]]);
    await expect.poll(async () => (await tileCounts(page))['山形県']).toBe(1);
    const cases = await direct(municipalityCasesQuery([clause]));
    await expect.poll(() => page.getByTestId('pa-muni-count').textContent()).toBe(`参加している事例（すべてのシステム）: ${cases.length}件`);
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await tileCounts(page))['山形県']).toBe(35);
  });

  it('自治体を選択 by keyboard lists every case of the municipality, with detail links', async () => {
    const input = page.getByRole('combobox', { name: /市区町村名/ });
    await input.focus();
    await page.keyboard.type('茨城県水戸');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('muni')).toBe('082015');
    const clause = { source: 'muni', field: 'participation.lg_code', predicate: { kind: 'in' as const, values: ['082015'] } };
    const cases = await direct(municipalityCasesQuery([clause]));
    expect(cases.length).toBeGreaterThan(1);
    await expect.poll(() => page.locator('[data-testid="pa-muni"] tbody tr').count()).toBe(cases.length);
    const hrefs = await page.locator('[data-testid="pa-muni"] tbody a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.map((h) => h!.split('/').pop())).toEqual(cases.map((c) => c.case_id));
    // The picker is a slicer of the whole page (README): the tiles count only the chosen municipality's participation.
    const muniTiles = await expectedTiles([S08, clause]);
    await expect.poll(async () => (await tileCounts(page))['茨城県']).toBe(Number(muniTiles.find((r) => r.prefecture_code === '08')?.municipality_count ?? 0));
    expect((await expectedTiles([S08])).find((r) => r.prefecture_code === '08')?.municipality_count).toBe(20);
    await page.getByRole('button', { name: '参加市区町村のフィルターを解除' }).click();
    await expect.poll(async () => (await tileCounts(page))['茨城県']).toBe(20);
  });

  it('tiles are keyboard operable and a copied URL reproduces the view in a fresh context', async () => {
    // 北海道 → ↓ 青森県 → → 栃木県 → ↑ 茨城県, then Enter.
    await page.locator(`[data-testid="${V.tiles}"] button[data-code="01"]`).focus();
    for (const key of ['ArrowDown', 'ArrowRight', 'ArrowUp', 'Enter']) await page.keyboard.press(key);
    await expect.poll(() => new URL(page.url()).searchParams.get(V.tiles)).toBe('08');
    await expect.poll(() => joinedOnMap(page)).toBe(20);
    const url = page.url();
    const other = await launch();
    try {
      const { page: p2 } = await openPage(other, url);
      await waitForEngine(p2);
      await waitForChart(p2, V.map);
      await expect.poll(() => joinedOnMap(p2), { timeout: 15000 }).toBe(20);
      await expect.poll(() => p2.locator('[data-testid="pa-muni"] tbody tr').count(), { timeout: 15000 }).toBe(await page.locator('[data-testid="pa-muni"] tbody tr').count());
      expect(await p2.locator(`[data-testid="${V.tiles}"] button[data-code="08"]`).getAttribute('aria-pressed')).toBe('true');
    } finally {
      await other.close();
    }
  });

  it('logged no console errors, no CSP violations and no request off its own origin', () => {
    expect(rec.consoleErrors).toEqual([]);
    expect(rec.cspViolations).toEqual([]);
    expect(rec.offOrigin).toEqual([]);
    expect(rec.requests.some((u) => u.endsWith('/map/ja_municipality_area.json'))).toBe(true);
  });
});
