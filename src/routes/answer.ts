/**
 * Survey answers as the published tables show them: the value, or × (非掲載希望),
 * - (不明), blank (未回答・回答対象外). The state columns come from the views.
 */
export type AnswerState = 'answered' | 'withheld' | 'unknown' | 'blank';

export function answerText(value: unknown, state: unknown, format: (v: unknown) => string = String): string {
  switch (state) {
    case 'answered':
      return value === null || value === undefined ? '' : format(value);
    case 'withheld':
      return '×';
    case 'unknown':
      return '-';
    default:
      return '';
  }
}

/** 人口 in 万人, truncated below 10,000 as the dashboard's definition says (e.g. 1,049,000 → 104万人). */
export const man = (v: unknown) => `${Math.floor(Number(v) / 10000)}万人`;

/** 職員数 in 千人 to one decimal, as published (10,800 → 10.8千人, 8,000 → 8千人). */
export const sen = (v: unknown) => `${Math.round(Number(v) / 100) / 10}千人`;

export const PROVENANCE_LABEL: Record<string, string> = {
  published: '公開資料',
  synthetic: '合成データ',
  survey: '調査票'
};
