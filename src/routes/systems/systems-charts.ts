import { donutSpec } from '$lib/charts/donut-spec';
import { histogramSpec } from '$lib/charts/histogram-spec';
import { CHART_COLORS } from '$model/theme';
import { measureTitle } from '../measures';

/**
 * Chart specs of the システム種別 page. Answers take the theme's blues; the three
 * non-answers (the cases views' answer_category) take neutral greys of the design tokens,
 * so the published 83% / 13% read the same and the rest stays visible.
 */
export const NON_ANSWERS = ['非掲載希望', '不明', '未回答・回答対象外'] as const;
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

const YES_NO = ['あり', 'なし'] as const;
/** Every category a donut (and so its URL parameter) may hold: the answers, then the non-answers. */
export const ANSWERS = {
  environment: ['オンプレミス開発', 'クラウドサービス', ...NON_ANSWERS],
  burden: [...YES_NO, ...NON_ANSWERS],
  subsidy: [...YES_NO, ...NON_ANSWERS]
} as const;

export const environmentSpec = answerDonut('システム開発環境', ['オンプレミス開発', 'クラウドサービス']);
export const burdenSpec = answerDonut('都道府県による費用負担', YES_NO);
export const subsidySpec = answerDonut('補助金', YES_NO);

export const YEAR_BRUSH = 'brush';

export const yearsSpec = (initial: { min: number; max: number } | null) =>
  histogramSpec({
    field: 'start_year',
    fieldTitle: '導入年',
    value: 'case_count',
    valueTitle: measureTitle('case_count'),
    color: CHART_COLORS[1],
    brush: YEAR_BRUSH,
    initial,
    width: 340
  });
