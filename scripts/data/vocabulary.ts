/**
 * Closed answer lists. Values outside them are rejected on import so that the
 * dashboard's slicers never show a one-off spelling as its own category.
 * Items beyond what the deck shows (e.g. 指名競争入札) are the usual Japanese
 * public-procurement categories; see data/README.md.
 */
export const ENVIRONMENTS = ['オンプレミス開発', 'クラウドサービス'] as const;
export const YES_NO = ['あり', 'なし'] as const;
export const AVAILABILITY = ['可', '否'] as const;
export const SELECTION_METHODS = [
  '一般競争入札（総合評価落札方式）',
  '一般競争入札（最低価格落札方式）',
  '随意契約（プロポーザル方式[企画競争]）',
  '随意契約（その他）',
  '指名競争入札',
  'その他',
] as const;
export const ACTORS = ['都道府県', '協議会', '市区町村', '事業者', 'その他'] as const;
export const COST_BASES = ['人口割', '均等割', '利用量割', '職員数割', '団体規模割', 'その他'] as const;

/** Normalise bracket variants so 随意契約(プロポーザル方式［企画競争］) matches. */
export function normalizeMethod(s: string): string {
  return s.replace(/\(/g, '（').replace(/\)/g, '）').replace(/［/g, '[').replace(/］/g, ']').replace(/\s+/g, '');
}
