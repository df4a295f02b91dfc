import { describe, expect, it } from 'vitest';
import { effectiveContext, pageParams } from '$lib/filter/page-context';
import type { Clause } from '$lib/filter/clause';
import { downloadRequest, NO_FILTERS } from './download-spec';
import { clauseChips, NAME_PENDING, type LookedUpNames } from './labels';
import { LOOKED_UP } from './filter-registry';
import { participationPage } from './participation/participation-page';

const dims = {
  systems: [{ system_id: 'S01', system_name: '自治体情報セキュリティクラウド', division: '総務部門' }],
  prefectures: [{ prefecture_code: '01', prefecture_name: '北海道' }]
};
/** What the page's look-up (ValueNames) knows: 札幌市 only. */
const looked = (pending = false): LookedUpNames => ({
  name: (f, v) => (f === 'participation.lg_code' && v === '011002' ? '札幌市' : undefined),
  covers: (f) => LOOKED_UP.some((l) => l.field === f),
  pending
});
const inClause = (source: string, field: string, values: string[]): Clause => ({ source, field, predicate: { kind: 'in', values } });
const params = pageParams(participationPage);
const chipsOf = (ctx: Clause[], names = looked()) => clauseChips(effectiveContext(participationPage, ctx), params, dims, names).map((c) => c.text);

describe('filter bar texts (issue 9 defect 8)', () => {
  it('name a municipality under its declaration’s label, not 団体コード', () => {
    expect(chipsOf([inClause('pa-map', 'participation.lg_code', ['011002'])])).toEqual([
      '市区町村（地図で選択）: 札幌市',
      'システム名: 自治体情報セキュリティクラウド（総務部門）（既定）'
    ]);
    expect(chipsOf([inClause('muni', 'participation.lg_code', ['011002'])])[0]).toBe('参加市区町村: 札幌市');
  });
  it('look a municipality up by the declared field (slicer and map alike); while it is looked up, say so, never the code', () => {
    expect(LOOKED_UP).toEqual([{ field: 'participation.lg_code', labelField: 'municipality.display_name' }]);
    const [muni] = chipsOf([inClause('muni', 'participation.lg_code', ['131016'])], looked(true));
    expect(muni).toBe(`参加市区町村: ${NAME_PENDING}`);
    // A click's own label needs no look-up.
    const clicked = { ...inClause('pa-map', 'participation.lg_code', ['131016']), labels: ['千代田区'] };
    expect(chipsOf([clicked], looked(true))[0]).toBe('市区町村（地図で選択）: 千代田区');
    // Nothing can look it up (the engine failed): the code is all there is.
    expect(chipsOf([inClause('muni', 'participation.lg_code', ['131016'])], looked(false))[0]).toBe('参加市区町村: 131016');
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
    // The dialog says the date as the page header does (2024年1月31日時点); files keep the ISO date.
    expect([req.asOf, req.asOfLabel]).toEqual(['2024-01-31', '2024年1月31日']);
    expect(downloadRequest([], [], new URL('http://x/')).describeFilters).toBe(NO_FILTERS);
  });
});
