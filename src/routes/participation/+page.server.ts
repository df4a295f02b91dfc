import { dataset } from '$model/dataset';
import { initialFigures } from '$lib/query/initial-figures';
import { compileBindings } from '$lib/query/query-binding';
import { yearsQuery } from '../systems/systems-queries';
import { participationPage } from './participation-page';
import { participationFigureBindings } from './participation-queries';

/** Build time only: the default view's tiles and figures (its declared default system), baked into the HTML. */
export const prerender = true;

export async function load() {
  return initialFigures(dataset, 'static/data', { ...compileBindings(participationPage, participationFigureBindings, []), allYears: yearsQuery([]) });
}
