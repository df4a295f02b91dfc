/**
 * Every figure the published deck shows, in one place (transcribed from the
 * Digital Agency deck; see data/README.md). The generator must reproduce these
 * exactly and the tests check the built Parquet against them.
 */

/** Cases and prefectures per system, in SYSTEMS order (S01..S25). null = not published (その他). */
export const SYSTEM_COUNTS: readonly (readonly [string, number, number | null])[] = [
  ['S01', 47, 44],
  ['S02', 6, 6],
  ['S03', 22, 19],
  ['S04', 4, null],
  ['S05', 8, 8],
  ['S06', 3, 3],
  ['S07', 8, 6],
  ['S08', 18, 18],
  ['S09', 5, 5],
  ['S10', 2, 2],
  ['S11', 6, 6],
  ['S12', 2, 2],
  ['S13', 10, null],
  ['S14', 2, 2],
  ['S15', 4, 4],
  ['S16', 42, 38],
  ['S17', 20, 20],
  ['S18', 4, 4],
  ['S19', 3, 3],
  ['S20', 7, 7],
  ['S21', 6, 6],
  ['S22', 3, 3],
  ['S23', 2, 2],
  ['S24', 2, 2],
  ['S25', 9, null],
];

export const DIVISION_TOTALS = { 総務部門: 79, 事業部門: 62, ツール: 104 } as const;
export const TOTAL_CASES = 245;

/** The matrix shows only the first 17 prefecture columns (北海道 01 … 石川県 17). */
export const VISIBLE_PREFECTURE_CODES = Array.from({ length: 17 }, (_, i) => String(i + 1).padStart(2, '0'));

/** ● among the visible columns, by system id (systems absent here are その他, not in the matrix). */
export const VISIBLE_DOTS: Readonly<Record<string, readonly string[]>> = {
  S01: ['北海道', '青森県', '岩手県', '宮城県', '秋田県', '山形県', '福島県', '茨城県', '栃木県', '群馬県', '埼玉県', '千葉県', '東京都', '神奈川県', '新潟県', '富山県', '石川県'],
  S02: ['東京都', '新潟県', '富山県'],
  S03: ['群馬県', '埼玉県', '千葉県', '東京都', '神奈川県', '富山県'],
  S05: [],
  S06: ['北海道'],
  S07: ['山形県', '神奈川県'],
  S08: ['山形県', '茨城県', '千葉県', '神奈川県', '石川県'],
  S09: ['宮城県', '茨城県', '埼玉県'],
  S10: ['群馬県'],
  S11: [],
  S12: ['北海道', '岩手県'],
  S14: ['茨城県'],
  S15: ['茨城県'],
  S16: ['北海道', '青森県', '宮城県', '秋田県', '山形県', '福島県', '茨城県', '群馬県', '埼玉県', '千葉県', '東京都', '神奈川県', '富山県'],
  S17: ['秋田県', '茨城県', '群馬県', '埼玉県', '千葉県', '東京都', '神奈川県', '新潟県', '富山県', '石川県'],
  S18: ['茨城県', '富山県'],
  S19: [],
  S20: ['埼玉県'],
  S21: [],
  S22: ['埼玉県'],
  S23: [],
  S24: [],
};

/** Prefectures per その他システム: not published; our plausible choice. */
export const OTHER_SYSTEM_PREFECTURES: Readonly<Record<string, number>> = { S04: 4, S13: 9, S25: 8 };

export const SECURITY_CLOUD = {
  systemId: 'S01',
  environment: { オンプレミス開発: 8, クラウドサービス: 39 }, // 17% / 83% of 47
  burden: { あり: 24, なし: 21, unknown: 1, blank: 1 }, // 51% / 45%
  subsidy: { あり: 39, なし: 6, unknown: 1, blank: 1 }, // 83% / 13%
  subsidyNames: [
    'デジタル基盤改革支援補助金',
    'デジタル基盤改革支援補助金（次期自治体情報セキュリティクラウド移行事業）',
    '地方公共団体情報セキュリティ強化対策費補助金',
  ],
  /**
   * The bar labels 3 11 1 3 20 8 under ticks 2016…2022: our reading (see data/README.md).
   * First generation built 2016–2018, next generation 2020–2022; one case has no year.
   */
  startYears: [
    [2016, 3],
    [2017, 11],
    [2018, 1],
    [2020, 3],
    [2021, 20],
    [2022, 8],
  ] as const,
  startBlank: 1,
  /** First 8 rows of the 参加自治体数 table, with the comment shown next to each (deck text). */
  firstRows: [
    ['北海道', 179, '北海道内自治体の完全なインターネット利用。'],
    ['青森県', 40, '高セキュリティを維持しつつ、低コストを実現できた。'],
    ['岩手県', 33, '自治体において高質なセキュリティ環境を構築したことで、サイバー攻撃から防御できる。'],
    ['宮城県', 35, '経費の削減を維持しつつ、次期自治体情報セキュリティクラウドの応募条件を満たしたうえで、実施区分としては共同調達により試算額よりも1.8倍程度のコスト削減を実現した。'],
    ['秋田県', 25, 'インターネットに接続する際のセキュリティレベル向上を、経費削減を従いながら実現できている。'],
    ['山形県', 35, '共同調達に伴い、東北6県及び新卒の運用費用の削減となった。また1県あたりの運用費用が削減され、市町村の運用負担の削減もできた。'],
    ['福島県', 59, '7県での共同調達を行ったことにより、平成29年度の福島県甲種（初年度も併単位で実施）で構築した第1期セキュリティクラウドよりも運用費用が安くなった。 7県で同じ事業者のサービス利用となるため、セキュリティ関連の情報共有が円滑になった。'],
    ['茨城県', 44, '市内の全市町村が高質なセキュリティ対策を実施するため、インターネット接続の集約化とセキュリティ監視を促し、市町村が共同で実施'],
  ] as const,
} as const;

export const FACILITY = {
  systemId: 'S08',
  subsidyNames: ['デジタル田園都市国家構想交付金Type 1', '新型コロナウイルス感染症対応地方創生臨時交付金'],
  /** 参加市区町村数 per prefecture (the participation map); all other prefectures 0. */
  participants: [
    ['山形県', 35],
    ['茨城県', 20],
    ['千葉県', 13],
    ['神奈川県', 11],
    ['石川県', 8],
    ['福井県', 17],
    ['愛知県', 28],
    ['京都府', 26],
    ['大阪府', 17],
    ['奈良県', 39],
    ['鳥取県', 2],
    ['岡山県', 7],
    ['広島県', 10],
    ['山口県', 8],
    ['香川県', 5],
    ['愛媛県', 4],
    ['熊本県', 1],
    ['大分県', 2],
  ] as const,
  /** 調達の効果に関するコメント shown for the first six prefectures (deck text). */
  effects: {
    山形県: '各施設の空き状況確認や予約をいつでもオンラインでできるため、住民の利便性が向上した。',
    茨城県: '・システムの共同調達により市町村職員の負担が軽減し、他の業務に時間を使えるようになった。',
    千葉県: '一括調達による費用削減',
    石川県:
      '・従来は各自治体ごとにシステムを調達しており、利用者は各自治体のシステムごとにアカウントの作成・利用予約が必要だったが、共同利用によって、共同利用中の自治体の施設が1つのサイトで予約可能にし、利用者の利便性が向上した。 ・従来はシステム未導入の施設に導入され、従来の電話や施設窓口での予約に加えてインターネット予約も可能になり、行政サービスのデジタル化に繋がった。',
    福井県: '導入に先立ち、県と市町の担当者が電子申請を体感し課題を整理するために共同アウトソーシング事業を行った。',
  } as Readonly<Record<string, string>>,
} as const;

export interface FacilityRow {
  pref: string;
  service: string;
  year: number;
  count: number;
  /** Shown as 「104 万人」 and 「10.8 千人」. */
  popMan: number;
  staffSen: number;
  initial: string;
  annual: string;
  subsidy: string;
  burden: string;
  basis: string;
  method: string;
}

const f = (...a: [string, string, number, number, number, number, string, string, string, string, string, string]): FacilityRow => {
  const [pref, service, year, count, popMan, staffSen, initial, annual, subsidy, burden, basis, method] = a;
  return { pref, service, year, count, popMan, staffSen, initial, annual, subsidy, burden, basis, method };
};

/** The 10 visible rows of the 施設予約システム 事例一覧, verbatim. */
export const FACILITY_ROWS: readonly FacilityRow[] = [
  f('山形県', 'PA施設予約サービス', 2021, 35, 104, 10.8, '-', '5百万-1千万', 'なし', 'なし', 'その他', '一般競争入札（総合評価落札方式）'),
  f('茨城県', 'PowerAssistant施設予約サービス', 2003, 20, 165, 13.7, '0', '1千万-3千万', 'なし', 'なし', 'その他', '随意契約（プロポーザル方式[企画競争]）'),
  f('千葉県', 'ちば施設予約サービス', 2021, 13, 232, 18.6, '5千万-1億', '3千万-5千万', 'なし', 'あり', 'その他', '一般競争入札（総合評価落札方式）'),
  f('神奈川県', 'e-kanagawa施設予約システム', 2015, 11, 88, 11.6, '0', '3千万-5千万', 'なし', 'なし', '人口割,均等割', '随意契約（プロポーザル方式[企画競争]）'),
  f('石川県', 'いしかわ施設予約サービス', 2023, 8, 78, 6.9, '1千万-3千万', '5百万未満', 'あり', 'なし', 'その他', '随意契約（プロポーザル方式[企画競争]）'),
  f('福井県', '福井県・市町共同利用電子申請・施設予約ASPサービス', 2007, 17, 75, 8, '1億-5億', '5千万-1億', 'なし', 'あり', '人口割', '一般競争入札（最低価格落札方式）'),
  f('愛知県', 'あいち共同利用型施設予約システム', 2006, 28, 332, 17, '5千万-1億', '5千万-1億', 'なし', 'なし', '人口割,均等割', '一般競争入札（総合評価落札方式）'),
  f('京都府', '京都府・市町村共同公共施設案内予約システム', 2007, 26, 250, 18.3, '5千万-1億', '1千万-3千万', 'なし', 'あり', '人口割,均等割', '随意契約（プロポーザル方式[企画競争]）'),
  f('大阪府', 'オーパス・スポーツ施設情報システム', 2002, 17, 615, 37.3, '-', '1千万-3千万', 'なし', 'なし', '人口割', '随意契約（プロポーザル方式[企画競争]）'),
  f('奈良県', 'PowerAssistant施設予約サービス', 2006, 39, 132, 11.4, '0', '1千万-3千万', 'なし', 'あり', '人口割,均等割', '一般競争入札（総合評価落札方式）'),
];
