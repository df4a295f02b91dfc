import { dataset } from '$model/dataset';
import { initialFigures } from '$lib/query/initial-figures';
import { kpiQuery, prefecturesQuery, systemsQuery, yearsQuery } from './overview-queries';

/** Build time only: the default view's figures, baked into the HTML (see initial-figures.ts). */
export const prerender = true;

export async function load() {
  return initialFigures(dataset, 'static/data', {
    kpi: kpiQuery([]),
    systems: systemsQuery([]),
    prefectures: prefecturesQuery([]),
    years: yearsQuery([])
  });
}
