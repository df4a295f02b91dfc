/**
 * The categories of the システム種別 page's donuts: the survey's answers, then the three
 * non-answers (the cases views' answer_category). The donuts and the URL codec's domains
 * (systems-page.ts) both read them from here.
 */
export const NON_ANSWERS = ['非掲載希望', '不明', '未回答・回答対象外'] as const;

const YES_NO = ['あり', 'なし'] as const;

/** The answered categories of each donut, in legend order. */
export const ANSWERED = {
  environment: ['オンプレミス開発', 'クラウドサービス'],
  burden: YES_NO,
  subsidy: YES_NO
} as const;

/** Every category a donut (and so its URL parameter) may hold: the answers, then the non-answers. */
export const ANSWERS = {
  environment: [...ANSWERED.environment, ...NON_ANSWERS],
  burden: [...ANSWERED.burden, ...NON_ANSWERS],
  subsidy: [...ANSWERED.subsidy, ...NON_ANSWERS]
} as const;
