import { dataset } from '$model/dataset';
import { initialFigures } from '$lib/query/initial-figures';
import { compileBindings } from '$lib/query/query-binding';
import { overviewBindings } from './overview-queries';
import { overviewPage } from './overview-page';

/** Build time only: the default view's figures, baked into the HTML (see initial-figures.ts). */
export const prerender = true;

export async function load() {
  return initialFigures(dataset, 'static/data', compileBindings(overviewPage, overviewBindings, []));
}
