/**
 * Write an import-template survey of N cases (the bundled 245 repeated with new
 * ids and their participation rows) for measuring the importer at scale:
 *
 *   npx tsx scripts/data/tools/large-survey.ts <N> <dir>
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv, stringifyCsv } from '../csv.js';

const [nArg, dir] = process.argv.slice(2);
const n = Number(nArg);
if (!Number.isInteger(n) || n < 1 || !dir) throw new Error('usage: large-survey.ts <N> <dir>');

const cases = parseCsv(readFileSync('data/survey/cases.csv', 'utf8')).rows;
const part = parseCsv(readFileSync('data/survey/participation.csv', 'utf8')).rows;
const [caseHeader, ...caseRows] = cases;
const [partHeader, ...partRows] = part;
if (!caseHeader || !partHeader) throw new Error('bundled survey is empty');
const idAt = caseHeader.indexOf('事例ID');
const byCase = new Map<string, string[][]>();
for (const r of partRows) byCase.set(r[0] ?? '', [...(byCase.get(r[0] ?? '') ?? []), r]);

const outCases: string[][] = [];
const outPart: string[][] = [];
for (let i = 0; i < n; i++) {
  const src = caseRows[i % caseRows.length] ?? [];
  const id = `L${String(i + 1).padStart(7, '0')}`;
  outCases.push(src.map((v, j) => (j === idAt ? id : v)));
  for (const p of byCase.get(src[idAt] ?? '') ?? []) outPart.push([id, ...p.slice(1)]);
}
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'cases.csv'), stringifyCsv(caseHeader, outCases));
writeFileSync(join(dir, 'participation.csv'), stringifyCsv(partHeader, outPart));
console.log(`wrote ${dir}: ${outCases.length} cases, ${outPart.length} participation rows`);
