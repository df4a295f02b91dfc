import { assets } from '$app/paths';
import { geoSpec } from '$lib/charts/geo-spec';
import { AREA_STATUS } from './participation-status';

/**
 * The municipality map: the Digital Agency's TopoJSON served from static/map/ (attributed on
 * the page). Rows are the 1,741 municipalities of the model, so the six 北方領土 villages
 * (is_hoppo_city) have no row and are not drawn. A function of the width the panel offers.
 */
export const mapSpec = (available: number) => {
  const width = Math.max(280, Math.min(available - 8, 720));
  return geoSpec({
    topology: { url: `${assets}/map/ja_municipality_area.json`, feature: 'ja_municipality_area_simplified_1741' },
    featureKey: 'properties.lg_code',
    key: 'lg_code',
    color: {
      field: 'status',
      title: '凡例',
      domain: [AREA_STATUS.joined, AREA_STATUS.notJoined, AREA_STATUS.none],
      range: ['#0017C1', '#C5D7FB', '#E6E6E6']
    },
    tooltip: [
      { field: 'prefecture_name', title: '都道府県' },
      { field: 'display_name', title: '市区町村' },
      { field: 'status', title: '参加状況' }
    ],
    outline: { url: `${assets}/map/ja_prefecture_area.json`, feature: 'ja_municipality_area_simplified_1741' },
    width,
    height: Math.round(width * 0.95)
  });
};
