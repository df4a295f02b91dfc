/**
 * Reference dimensions (prefectures, municipalities) read from data/reference.
 * These are our own committed files, so a malformed one is a bug: we throw.
 */
import { readFileSync } from 'node:fs';
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

function readTable(path: string): Record<string, string>[] {
  const { rows, error } = parseCsv(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
  if (error) throw new Error(`${path}: ${error}`);
  const [header, ...body] = rows;
  if (!header) throw new Error(`${path}: empty`);
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

export function loadPrefectures(path: string): Prefecture[] {
  return readTable(path).map((r) => {
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

export function loadMunicipalities(path: string): Municipality[] {
  return readTable(path).map((r) => ({
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
  munisByPref: Map<string, Municipality[]>;
}

export function loadReference(dir: string): Reference {
  const prefectures = loadPrefectures(`${dir}/prefectures.csv`);
  const municipalities = loadMunicipalities(`${dir}/municipalities.csv`);
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
    munisByPref,
  };
}
