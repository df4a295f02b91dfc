import { describe, expect, it } from 'vitest';
import { AREA_STATUS, areaRows, buildTiles, byRegion, tileStatus } from './participation-status';

const prefs = [
  { prefecture_code: '06', prefecture_name: '山形県', region: '北海道・東北', region_order: 1, municipality_count: 35 },
  { prefecture_code: '01', prefecture_name: '北海道', region: '北海道・東北', region_order: 1, municipality_count: 179 },
  { prefecture_code: '08', prefecture_name: '茨城県', region: '関東', region_order: 2, municipality_count: 44 }
];

describe('participation tiles', () => {
  it('colours by the published rule: no case / a case / a case with at least half taking part', () => {
    expect(tileStatus(0, 0, 35)).toBe('none');
    expect(tileStatus(1, 0, 35)).toBe('answered');
    expect(tileStatus(1, 17, 35)).toBe('answered');
    expect(tileStatus(1, 18, 36)).toBe('majority');
    expect(tileStatus(1, 35, 35)).toBe('majority');
  });

  it('builds all prefectures, zero where the query has no row, grouped by region in code order', () => {
    const tiles = buildTiles(prefs, [{ prefecture_code: '06', case_count: 1, municipality_count: 35 }, { prefecture_code: '08', case_count: 1, municipality_count: 20 }]);
    expect(tiles.map((t) => [t.name, t.participants, t.total, t.status])).toEqual([
      ['山形県', 35, 35, 'majority'],
      ['北海道', 0, 179, 'none'],
      ['茨城県', 20, 44, 'answered']
    ]);
    expect(byRegion(tiles).map((g) => [g.region, g.tiles.map((t) => t.code)])).toEqual([
      ['北海道・東北', ['01', '06']],
      ['関東', ['08']]
    ]);
  });

  it('gives each municipality a map status', () => {
    const rows = areaRows(
      [{ lg_code: '062014', prefecture_code: '06', display_name: '山形市' }, { lg_code: '082015', prefecture_code: '08', display_name: '水戸市' }, { lg_code: '011002', prefecture_code: '01', display_name: '札幌市' }],
      [{ lg_code: '062014' }],
      [{ prefecture_code: '06', case_count: 1 }, { prefecture_code: '08', case_count: 1 }],
      new Map([['06', '山形県']])
    );
    expect(rows.map((r) => r.status)).toEqual([AREA_STATUS.joined, AREA_STATUS.notJoined, AREA_STATUS.none]);
    expect(rows[0]!.prefecture_name).toBe('山形県');
  });
});
