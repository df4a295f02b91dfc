/**
 * A tiny valid survey (two cases in 神奈川県) that the malformed-input tests
 * mutate one way each, plus encoders to produce the byte forms Excel writes.
 */
import { stringifyCsv } from '../csv.js';
import { CASE_COLUMNS, PARTICIPATION_COLUMNS } from '../template-columns.js';

export type Cells = Record<string, string>;

export function baseCase(id: string, extra: Cells = {}): Cells {
  return {
    事例ID: id,
    部門: '事業部門',
    システム名: '施設予約システム',
    都道府県コード: '14',
    都道府県名: '神奈川県',
    サービス名: 'テスト施設予約',
    導入時期: '2015-04',
    システム環境種別: 'クラウドサービス',
    都道府県の負担: 'なし',
    参加自治体数: '2',
    参加自治体人口数: '5000000',
    補助金の有無: 'なし',
    初期費用規模: '0',
    年間運用費用規模: '3千万-5千万',
    費用按分の基準: '人口割,均等割',
    事業者選定方法: '随意契約（プロポーザル方式[企画競争]）',
    入札説明書: '否',
    出典: '調査票',
    ...extra,
  };
}

export interface FixtureInput {
  cases?: Cells[];
  participation?: string[][];
  caseHeaders?: string[];
  partHeaders?: string[];
}

export const BASE_PARTICIPATION = [
  ['K1', '141003'],
  ['K1', '141305'],
  ['K2', '141003'],
  ['K2', '142018'],
];

export function fixtureText(input: FixtureInput = {}): { cases: string; participation: string } {
  const caseHeaders = input.caseHeaders ?? CASE_COLUMNS.map((c) => c.header);
  const cases = input.cases ?? [baseCase('K1'), baseCase('K2')];
  const partHeaders = input.partHeaders ?? PARTICIPATION_COLUMNS.slice(0, 2).map((c) => c.header);
  return {
    cases: stringifyCsv(
      caseHeaders,
      cases.map((c) => caseHeaders.map((h) => c[h] ?? '')),
    ),
    participation: stringifyCsv(partHeaders, input.participation ?? BASE_PARTICIPATION),
  };
}

export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

let sjisTable: Map<string, number[]> | null = null;

/** Shift_JIS encoder built by inverting Node's decoder (no dependency needed for tests). */
export function shiftJis(s: string): Uint8Array {
  if (!sjisTable) {
    sjisTable = new Map();
    const dec = new TextDecoder('shift_jis');
    for (let b = 0; b < 0x80; b++) sjisTable.set(String.fromCharCode(b), [b]);
    for (let b = 0xa1; b <= 0xdf; b++) sjisTable.set(dec.decode(new Uint8Array([b])), [b]);
    for (let lead = 0x81; lead <= 0xfc; lead++) {
      if (lead > 0x9f && lead < 0xe0) continue;
      for (let trail = 0x40; trail <= 0xfc; trail++) {
        if (trail === 0x7f) continue;
        const ch = dec.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && ch !== '\ufffd' && !sjisTable.has(ch)) sjisTable.set(ch, [lead, trail]);
      }
    }
  }
  const out: number[] = [];
  for (const ch of s) {
    const bytes = sjisTable.get(ch);
    if (!bytes) throw new Error(`not encodable in Shift_JIS: ${ch}`);
    out.push(...bytes);
  }
  return new Uint8Array(out);
}

export const withBom = (b: Uint8Array): Uint8Array => new Uint8Array([0xef, 0xbb, 0xbf, ...b]);
export const crlf = (s: string): string => s.replace(/\n/g, '\r\n');
