import type { PageDecl } from '$lib/filter/page-context';
import { SLICERS } from '../filter-registry';
import { DEFAULT_SYSTEM_ID, systemClause } from '../systems/default-system';
import { ONE_SYSTEM_SLICERS } from '../systems/systems-page';

/**
 * 市区町村の参加状況 (/participation), declared once. One system (default
 * 自治体情報セキュリティクラウド). 自治体を選択 (`muni`) is a slicer like any other: it filters
 * the KPIs, the tiles, the map and the download — the cases the chosen municipalities take
 * part in, and of their participation only the chosen municipalities' rows. The list under
 * the picker shows those municipalities' cases in EVERY system (its scope: only the
 * municipality filters), and says so.
 */
export const V = { tiles: 'pa-tiles', map: 'pa-map', municipalityCases: 'pa-muni' } as const;

export const participationPage: PageDecl = {
  slicers: ONE_SYSTEM_SLICERS,
  defaults: [systemClause(DEFAULT_SYSTEM_ID)],
  visuals: [
    { id: V.tiles, label: '都道府県（タイルで選択）', select: { field: 'cases.prefecture_code', kind: 'in', valueType: 'string' } },
    { id: V.map, label: '市区町村（地図で選択）', select: { field: 'participation.lg_code', kind: 'in', valueType: 'string', pattern: /^[0-9]{6}$/ } },
    { id: V.municipalityCases, label: '選択した自治体が参加する事例（すべてのシステム）', scope: { only: [SLICERS.municipality.source, V.map] } }
  ]
};
