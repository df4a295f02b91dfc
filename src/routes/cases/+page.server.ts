import { dataset } from '$model/dataset';
import { initialFigures } from '$lib/query/initial-figures';
import { countQuery, listQuery, yearsDomainQuery } from './case-queries';

/** Build time only: the unfiltered list and counts, baked into the HTML. */
export async function load() {
  return initialFigures(dataset, 'static/data', { list: listQuery([]), count: countQuery([]), years: yearsDomainQuery() });
}
