import { dataset } from '$model/dataset';
import { initialFigures } from '$lib/query/initial-figures';
import { withDefaultSystem } from './default-system';
import { answerQuery, FIELD, kpiQuery, prefectureCasesQuery, subsidyNamesQuery, yearsQuery } from './systems-queries';

/** Build time only: the default view's figures (自治体情報セキュリティクラウド), baked into the HTML. */
export const prerender = true;

export async function load() {
  const f = withDefaultSystem([]);
  return initialFigures(dataset, 'static/data', {
    kpi: kpiQuery(f),
    environment: answerQuery(FIELD.environment, f),
    burden: answerQuery(FIELD.burden, f),
    subsidy: answerQuery(FIELD.subsidy, f),
    subsidyNames: subsidyNamesQuery(f),
    years: yearsQuery(f),
    allYears: yearsQuery([]),
    prefectures: prefectureCasesQuery(f)
  });
}
