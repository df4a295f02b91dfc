/**
 * One-off derivation of data/reference/municipalities.csv from the Digital
 * Agency TopoJSON (run: npx tsx scripts/data/extract-municipalities.ts <topojson>).
 * We commit the CSV rather than read the 1.2 MB map at build time, and exclude the
 * six 北方領土 villages because the dashboard's 1,741 municipalities do not include them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { stringifyCsv } from './csv.js';
import { parsePrefectures } from './reference-data.js';

interface MuniProps {
  lg_code: string;
  lg_code_5: string;
  city_name: string;
  county_name: string;
  prefecture_code: string;
  prefecture_name: string;
  is_hoppo_city: boolean;
}

const src = process.argv[2] ?? '../shared/reference/map/ja_municipality_area.json';
const out = process.argv[3] ?? 'data/reference/municipalities.csv';
const topo = JSON.parse(readFileSync(src, 'utf8')) as {
  objects: Record<string, { geometries: { properties: MuniProps }[] }>;
};
const geoms = Object.values(topo.objects).flatMap((o) => o.geometries.map((g) => g.properties));
const munis = geoms.filter((p) => !p.is_hoppo_city).sort((a, b) => a.lg_code.localeCompare(b.lg_code));

const prefectures = parsePrefectures('prefectures.csv', readFileSync('data/reference/prefectures.csv', 'utf8'));
const problems: string[] = [];
for (const p of prefectures) {
  const n = munis.filter((m) => m.prefecture_code === p.code).length;
  if (n !== p.municipalityCount) problems.push(`${p.name}: ${n} in map, ${p.municipalityCount} in prefectures.csv`);
}
if (munis.length !== 1741) problems.push(`expected 1741 municipalities, got ${munis.length}`);
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
const header = ['lg_code', 'lg_code_5', 'prefecture_code', 'prefecture_name', 'county_name', 'city_name'];
writeFileSync(
  out,
  stringifyCsv(
    header,
    munis.map((m) => [m.lg_code, m.lg_code_5, m.prefecture_code, m.prefecture_name, m.county_name, m.city_name]),
  ),
);
console.log(`wrote ${munis.length} municipalities to ${out}`);
