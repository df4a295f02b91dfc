import { dataset } from '$model/dataset';
import { initialFigures } from '$lib/query/initial-figures';
import { withDefaultSystem } from '../systems/default-system';
import { kpiQuery, yearsQuery } from '../systems/systems-queries';
import { prefectureQuery } from './participation-queries';

/** Build time only: the default view's tiles and figures (自治体情報セキュリティクラウド), baked into the HTML. */
export const prerender = true;

export async function load() {
  const f = withDefaultSystem([]);
  return initialFigures(dataset, 'static/data', { kpi: kpiQuery(f), tiles: prefectureQuery(f), allYears: yearsQuery([]) });
}
