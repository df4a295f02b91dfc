import { dataset } from '$model/dataset';
import { effectiveContext, scopedFilters } from '$lib/filter/page-context';
import { initialFigures } from '$lib/query/initial-figures';
import { kpiQuery, yearsQuery } from '../systems/systems-queries';
import { participationPage, V } from './participation-page';
import { prefectureQuery } from './participation-queries';

/** Build time only: the default view's tiles and figures (its declared default system), baked into the HTML. */
export const prerender = true;

export async function load() {
  const f = effectiveContext(participationPage, []);
  return initialFigures(dataset, 'static/data', {
    kpi: kpiQuery(f),
    tiles: prefectureQuery(scopedFilters(participationPage, f, V.tiles)),
    allYears: yearsQuery([])
  });
}
