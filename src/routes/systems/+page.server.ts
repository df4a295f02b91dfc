import { dataset } from '$model/dataset';
import { initialFigures } from '$lib/query/initial-figures';
import { compileBindings } from '$lib/query/query-binding';
import { systemsBindings, yearsQuery } from './systems-queries';
import { systemsPage } from './systems-page';

/** Build time only: the default view's figures (its declared default system), baked into the HTML. */
export const prerender = true;

export async function load() {
  return initialFigures(dataset, 'static/data', { ...compileBindings(systemsPage, systemsBindings, []), allYears: yearsQuery([]) });
}
