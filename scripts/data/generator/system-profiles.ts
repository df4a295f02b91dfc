/**
 * Per-system knobs for the synthetic fields: believable ranges, not facts.
 * E.g. chat tools and AI services are recent SaaS (cloud, low cost, 2019+),
 * electronic application systems date from the 2000s e-government push.
 */
export interface SystemProfile {
  years: readonly [number, number];
  cloud: number; // probability of クラウドサービス
  /** Typical band orders (0..7) for initial and annual cost. */
  initialBand: number;
  annualBand: number;
  /** Share of the prefecture's municipalities that take part. */
  share: readonly [number, number];
  /** Name stem for synthetic service names. */
  stem: string;
}

const p = (years: [number, number], cloud: number, initialBand: number, annualBand: number, share: [number, number], stem: string): SystemProfile => ({
  years,
  cloud,
  initialBand,
  annualBand,
  share,
  stem,
});

export const PROFILES: Readonly<Record<string, SystemProfile>> = {
  S01: p([2016, 2022], 0.83, 6, 6, [0.95, 1], 'セキュリティクラウド'),
  S02: p([2021, 2023], 0.95, 1, 2, [0.2, 0.9], '電子契約サービス'),
  S03: p([2002, 2022], 0.6, 5, 4, [0.3, 0.95], '電子入札システム'),
  S04: p([2010, 2023], 0.6, 2, 2, [0.1, 0.8], ''),
  S05: p([2012, 2023], 0.7, 4, 4, [0.2, 0.9], '統合型校務支援システム'),
  S06: p([2005, 2020], 0.4, 6, 5, [0.5, 1], '国保総合システム'),
  S07: p([2012, 2023], 0.7, 3, 3, [0.3, 1], '防災情報システム'),
  S08: p([2002, 2023], 0.7, 3, 3, [0.1, 1], '施設予約システム'),
  S09: p([2008, 2022], 0.5, 4, 3, [0.2, 0.9], '森林クラウド'),
  S10: p([2010, 2022], 0.6, 3, 2, [0.1, 0.6], '図書館ネットワークシステム'),
  S11: p([2000, 2020], 0.4, 3, 3, [0.3, 1], '土木積算システム'),
  S12: p([2017, 2023], 0.8, 2, 2, [0.3, 1], 'eLTAX連携サービス'),
  S13: p([2010, 2023], 0.6, 2, 2, [0.1, 0.8], ''),
  S14: p([2010, 2022], 0.8, 3, 3, [0.1, 0.6], 'グループウェア'),
  S15: p([2005, 2021], 0.6, 4, 3, [0.2, 0.9], '統合型GIS'),
  S16: p([2003, 2023], 0.85, 4, 4, [0.4, 1], '電子申請サービス'),
  S17: p([2020, 2023], 0.98, 0, 2, [0.3, 1], 'ビジネスチャット'),
  S18: p([2016, 2023], 0.85, 1, 1, [0.2, 0.9], 'ファイル転送サービス'),
  S19: p([2012, 2022], 0.6, 4, 3, [0.1, 0.5], '文書管理システム'),
  S20: p([2019, 2023], 0.98, 0, 1, [0.2, 0.9], 'AI議事録作成サービス'),
  S21: p([2019, 2023], 0.98, 1, 1, [0.2, 0.9], 'AIチャットボット'),
  S22: p([2019, 2023], 0.95, 0, 1, [0.2, 0.8], 'AI-OCRサービス'),
  S23: p([2020, 2023], 0.98, 0, 1, [0.1, 0.7], 'SNS連携サービス'),
  S24: p([2019, 2023], 0.8, 0, 1, [0.1, 0.7], 'RPA'),
  S25: p([2018, 2023], 0.85, 1, 1, [0.1, 0.8], ''),
};

/** Service-name stems for the three その他システム rows (the deck names two: オープンデータポータル, DX人材向けe-learning). */
export const OTHER_STEMS: Readonly<Record<string, readonly string[]>> = {
  S04: ['職員研修管理システム', '公会計システム', '人事評価システム', '議会映像配信システム'],
  S13: ['オープンデータポータル', '観光情報発信システム', '子育て支援アプリ', '道路損傷通報システム', '農地情報システム', '介護認定支援システム'],
  S25: ['DX人材向けe-learning', 'Web会議ツール', 'ノーコード開発ツール', 'オンライン研修ツール', 'アンケート集計ツール'],
};
