import { describe, expect, it } from 'vitest';
import { effectiveContext, pageParams } from '$lib/filter/page-context';
import type { Clause } from '$lib/filter/clause';
import { downloadRequest, NO_FILTERS } from './download-spec';
import { clauseChips } from './labels';
import { participationPage } from './participation/participation-page';

const dims = {
  systems: [{ system_id: 'S01', system_name: '自治体情報セキュリティクラウド', division: '総務部門' }],
  prefectures: [{ prefecture_code: '01', prefecture_name: '北海道' }],
  municipalities: [{ lg_code: '011002', display_name: '札幌市' }]
};
const inClause = (source: string, field: string, values: string[]): Clause => ({ source, field, predicate: { kind: 'in', values } });
const params = pageParams(participationPage);
const chipsOf = (ctx: Clause[]) => clauseChips(effectiveContext(participationPage, ctx), params, dims).map((c) => c.text);

describe('filter bar texts (issue 9 defect 8)', () => {
  it('name a municipality under its declaration’s label, not 団体コード', () => {
    expect(chipsOf([inClause('pa-map', 'participation.lg_code', ['011002'])])).toEqual([
      '市区町村（地図で選択）: 札幌市',
      'システム名: 自治体情報セキュリティクラウド（総務部門）（既定）'
    ]);
    expect(chipsOf([inClause('muni', 'participation.lg_code', ['011002'])])[0]).toBe('参加市区町村: 札幌市');
  });
  it('tell a tile selection from the prefecture slicer', () => {
    const [tile] = chipsOf([inClause('pa-tiles', 'cases.prefecture_code', ['01'])]);
    const [slicer] = chipsOf([inClause('pref', 'cases.prefecture_code', ['01'])]);
    expect(tile).not.toBe(slicer);
    expect([tile, slicer].every((t) => t?.endsWith('北海道'))).toBe(true);
  });
});

describe('the download request (issue 9 defects 1–2)', () => {
  it('says what the page shows, default included, in the dialog, the metadata and the file name', () => {
    const ctx = effectiveContext(participationPage, []);
    const texts = clauseChips(ctx, params, dims).map((c) => c.text);
    const req = downloadRequest(ctx, texts, new URL('http://x/participation'));
    expect(req.describeFilters).toBe('システム名: 自治体情報セキュリティクラウド（総務部門）（既定）');
    expect(req.metadata.filters).toBe(req.describeFilters);
    expect(req.fileStem).toEqual(['kyodo-chotatsu', '自治体情報セキュリティクラウド']);
    expect(req.sources[0]?.sql).toContain("'S01'");
    expect(downloadRequest([], [], new URL('http://x/')).describeFilters).toBe(NO_FILTERS);
  });
});
