import { dataset } from '$model/dataset';
import { effectiveContext, scopedFilters } from '$lib/filter/page-context';
import { initialFigures } from '$lib/query/initial-figures';
import { answerQuery, FIELD, kpiQuery, prefectureCasesQuery, subsidyNamesQuery, yearsQuery } from './systems-queries';
import { systemsPage, V } from './systems-page';

/** Build time only: the default view's figures (its declared default system), baked into the HTML. */
export const prerender = true;

export async function load() {
  const f = effectiveContext(systemsPage, []);
  const of = (id: string) => scopedFilters(systemsPage, f, id);
  return initialFigures(dataset, 'static/data', {
    kpi: kpiQuery(f),
    environment: answerQuery(FIELD.environment, of(V.environment)),
    burden: answerQuery(FIELD.burden, of(V.burden)),
    subsidy: answerQuery(FIELD.subsidy, of(V.subsidy)),
    subsidyNames: subsidyNamesQuery(of(V.subsidyNames)),
    years: yearsQuery(of(V.years)),
    allYears: yearsQuery([]),
    prefectures: prefectureCasesQuery(of(V.prefectures))
  });
}
