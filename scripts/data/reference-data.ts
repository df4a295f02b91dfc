/**
 * Reference dimensions (prefectures, municipalities) parsed from the text of
 * data/reference/*.csv. These are our own committed files, so a malformed one is
 * a bug: we throw. Pure (the browser parses the same text); reading the files is
 * load-reference.ts.
 */
import { parseCsv } from './csv.js';

export interface Prefecture {
  code: string;
  name: string;
  region: string;
  regionOrder: number;
  municipalityCount: number;
  population2020: number;
}

export interface Municipality {
  lgCode: string;
  lgCode5: string;
  prefectureCode: string;
  prefectureName: string;
  countyName: string;
  cityName: string;
}

/** Region order as the dashboard's participation map lays its columns out. */
export const REGIONS = ['北海道・東北', '関東', '中部', '近畿', '中国・四国', '九州・沖縄'] as const;

function readTable(path: string, text: string): Record<string, string>[] {
  const { rows, error } = parseCsv(text.replace(/^\uFEFF/, ''));
  if (error) throw new Error(`${path}: ${error.kind} at row ${error.row}`);
  const [header, ...body] = rows;
  if (!header) throw new Error(`${path}: empty`);
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

export function parsePrefectures(path: string, text: string): Prefecture[] {
  return readTable(path, text).map((r) => {
    const regionOrder = REGIONS.indexOf(r['region'] as (typeof REGIONS)[number]) + 1;
    if (regionOrder === 0) throw new Error(`${path}: unknown region ${r['region']}`);
    return {
      code: r['prefecture_code'] ?? '',
      name: r['prefecture_name'] ?? '',
      region: r['region'] ?? '',
      regionOrder,
      municipalityCount: Number(r['municipality_count']),
      population2020: Number(r['population_2020']),
    };
  });
}

export function parseMunicipalities(path: string, text: string): Municipality[] {
  return readTable(path, text).map((r) => ({
    lgCode: r['lg_code'] ?? '',
    lgCode5: r['lg_code_5'] ?? '',
    prefectureCode: r['prefecture_code'] ?? '',
    prefectureName: r['prefecture_name'] ?? '',
    countyName: r['county_name'] ?? '',
    cityName: r['city_name'] ?? '',
  }));
}

export interface Reference {
  prefectures: Prefecture[];
  municipalities: Municipality[];
  prefByCode: Map<string, Prefecture>;
  prefByName: Map<string, Prefecture>;
  muniByCode: Map<string, Municipality>;
  /** By the 5-digit code (without check digit), which many lists use. */
  muniByCode5: Map<string, Municipality>;
  munisByPref: Map<string, Municipality[]>;
}

export interface ReferenceText {
  prefectures: string;
  municipalities: string;
}

export function parseReference(text: ReferenceText): Reference {
  const prefectures = parsePrefectures('prefectures.csv', text.prefectures);
  const municipalities = parseMunicipalities('municipalities.csv', text.municipalities);
  const munisByPref = new Map<string, Municipality[]>();
  for (const m of municipalities) {
    const list = munisByPref.get(m.prefectureCode) ?? [];
    list.push(m);
    munisByPref.set(m.prefectureCode, list);
  }
  return {
    prefectures,
    municipalities,
    prefByCode: new Map(prefectures.map((p) => [p.code, p])),
    prefByName: new Map(prefectures.map((p) => [p.name, p])),
    muniByCode: new Map(municipalities.map((m) => [m.lgCode, m])),
    muniByCode5: new Map(municipalities.map((m) => [m.lgCode5, m])),
    munisByPref,
  };
}
