import { dataset } from '$model/dataset';
import { initialFigures } from '$lib/query/initial-figures';
import { matrixQuery, systemTotalsQuery } from './prefectures-queries';

/** Build time only: the unfiltered matrix, baked into the HTML. */
export const prerender = true;

export async function load() {
  return initialFigures(dataset, 'static/data', { cells: matrixQuery([]), totals: systemTotalsQuery([]) });
}
