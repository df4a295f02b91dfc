/**
 * The 25 system types in the order the published overview lists them.
 * Three of them are named 「その他システム」 (one per 部門), so a system is
 * identified by (部門, システム名), never by its name alone.
 */
export const DIVISIONS = ['総務部門', '事業部門', 'ツール'] as const;
export type Division = (typeof DIVISIONS)[number];

export interface SystemType {
  id: string;
  division: Division;
  divisionOrder: number;
  name: string;
  order: number;
}

const LIST: readonly (readonly [Division, string])[] = [
  ['総務部門', '自治体情報セキュリティクラウド'],
  ['総務部門', '電子契約システム'],
  ['総務部門', '入札関連・電子調達システム'],
  ['総務部門', 'その他システム'],
  ['事業部門', '校務支援システム'],
  ['事業部門', '国民健康保険システム'],
  ['事業部門', '災害対応支援システム'],
  ['事業部門', '施設予約システム'],
  ['事業部門', '森林情報システム'],
  ['事業部門', '図書館蔵書管理システム'],
  ['事業部門', '土木積算システム'],
  ['事業部門', 'eLTAX関連システム'],
  ['事業部門', 'その他システム'],
  ['ツール', 'グループウェア'],
  ['ツール', '地理情報システム（GIS）'],
  ['ツール', '電子申請・納付システム'],
  ['ツール', 'ビジネスチャットツール'],
  ['ツール', 'ファイル転送システム'],
  ['ツール', '文書管理・電子決裁システム'],
  ['ツール', 'AI議事録作成・音声文字起こしシステム'],
  ['ツール', 'AIチャットボット'],
  ['ツール', 'AI-OCR'],
  ['ツール', 'SNS連携ツール'],
  ['ツール', 'RPA'],
  ['ツール', 'その他システム'],
];

export const SYSTEMS: readonly SystemType[] = LIST.map(([division, name], i) => ({
  id: `S${String(i + 1).padStart(2, '0')}`,
  division,
  divisionOrder: DIVISIONS.indexOf(division) + 1,
  name,
  order: i + 1,
}));

export function findSystem(division: string, name: string): SystemType | undefined {
  return SYSTEMS.find((s) => s.division === division && s.name === name);
}
