import { donutSpec } from '$lib/charts/donut-spec';
import { histogramSpec } from '$lib/charts/histogram-spec';
import { CHART_COLORS } from '$model/theme';
import { visualLabel } from '$lib/filter/page-context';
import { fieldTitle, measureTitle } from '../measures';
import { ANSWERED, NON_ANSWERS } from './answers';
import { systemsPage, V } from './systems-page';

/**
 * Chart specs of the システム種別 page. Answers take the theme's blues; the three
 * non-answers (the cases views' answer_category) take neutral greys of the design tokens,
 * so the published 83% / 13% read the same and the rest stays visible.
 */
const NON_ANSWER_COLORS = ['#4d4d4d', '#999999', '#cccccc'];

const answerDonut = (title: string, answers: readonly string[]) =>
  donutSpec({
    category: 'answer',
    categoryTitle: title,
    value: 'case_count',
    valueTitle: measureTitle('case_count'),
    share: 'case_share',
    domain: [...answers, ...NON_ANSWERS],
    colors: [CHART_COLORS[0], CHART_COLORS[2], ...NON_ANSWER_COLORS]
  });

// Each donut's title is its visual's label in the page declaration (one home).
export const environmentSpec = answerDonut(visualLabel(systemsPage, V.environment), ANSWERED.environment);
export const burdenSpec = answerDonut(visualLabel(systemsPage, V.burden), ANSWERED.burden);
export const subsidySpec = answerDonut(visualLabel(systemsPage, V.subsidy), ANSWERED.subsidy);

/** The 導入時期 axis, table column and summary: the model's label of the field. */
export const YEAR_TITLE = fieldTitle('cases.start_year');

export const YEAR_BRUSH = 'brush';

export const yearsSpec = (initial: { min: number; max: number } | null) =>
  histogramSpec({
    field: 'start_year',
    fieldTitle: YEAR_TITLE,
    value: 'case_count',
    valueTitle: measureTitle('case_count'),
    color: CHART_COLORS[1],
    brush: YEAR_BRUSH,
    initial,
    width: 340
  });
