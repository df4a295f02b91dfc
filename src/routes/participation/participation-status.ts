import type { Row } from '$lib/db/types';

/** The published tile colours' meaning, most to least. */
export const TILE_STATUS = {
  majority: '共同調達の回答があり、50%以上の市区町村が参加',
  answered: '共同調達の回答あり',
  none: '共同調達の回答なし'
} as const;
export type TileStatus = keyof typeof TILE_STATUS;

/** A municipality on the map. */
export const AREA_STATUS = {
  joined: '共同調達に参加',
  notJoined: '参加なし（都道府県の回答あり）',
  none: '都道府県の回答なし'
} as const;

export interface Tile {
  code: string;
  name: string;
  region: string;
  regionOrder: number;
  total: number;
  participants: number;
  cases: number;
  status: TileStatus;
}

export function tileStatus(cases: number, participants: number, total: number): TileStatus {
  if (cases === 0) return 'none';
  return total > 0 && participants / total >= 0.5 ? 'majority' : 'answered';
}

/** All 47 tiles from the prefecture dimension and the per-prefecture figures (absent = 0). */
export function buildTiles(prefectures: readonly Row[], figures: readonly Row[]): Tile[] {
  const byCode = new Map(figures.map((r) => [String(r.prefecture_code), r]));
  return prefectures.map((p) => {
    const f = byCode.get(String(p.prefecture_code));
    const cases = Number(f?.case_count ?? 0);
    const participants = Number(f?.municipality_count ?? 0);
    const total = Number(p.municipality_count ?? 0);
    return {
      code: String(p.prefecture_code),
      name: String(p.prefecture_name),
      region: String(p.region),
      regionOrder: Number(p.region_order),
      total,
      participants,
      cases,
      status: tileStatus(cases, participants, total)
    };
  });
}

/** Tiles grouped into the published six regional columns, in region then code order. */
export function byRegion(tiles: readonly Tile[]): { region: string; tiles: Tile[] }[] {
  const out: { region: string; order: number; tiles: Tile[] }[] = [];
  for (const t of tiles) {
    let g = out.find((x) => x.region === t.region);
    if (!g) out.push((g = { region: t.region, order: t.regionOrder, tiles: [] }));
    g.tiles.push(t);
  }
  out.sort((a, b) => a.order - b.order);
  // Prefecture codes are two-digit strings: code-unit order is theirs, without ICU's collator
  // (localeCompare's first call sets one up: tens of ms of the main thread as the page loads).
  for (const g of out) g.tiles.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return out.map(({ region, tiles }) => ({ region, tiles }));
}

/** Map rows: each municipality with its status under the map's filters. */
export function areaRows(municipalities: readonly Row[], participants: readonly Row[], prefFigures: readonly Row[], prefNames: Map<string, string>): Row[] {
  const joined = new Set(participants.map((r) => String(r.lg_code)));
  const answered = new Set(prefFigures.filter((r) => Number(r.case_count) > 0).map((r) => String(r.prefecture_code)));
  return municipalities.map((m) => {
    const code = String(m.lg_code);
    const pref = String(m.prefecture_code);
    const status = joined.has(code) ? AREA_STATUS.joined : answered.has(pref) ? AREA_STATUS.notJoined : AREA_STATUS.none;
    return { lg_code: code, prefecture_code: pref, prefecture_name: prefNames.get(pref) ?? '', display_name: m.display_name ?? '', status };
  });
}
