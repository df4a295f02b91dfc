/**
 * Read and validate a survey directory (cases.csv + participation.csv) against
 * the reference data. Returns the typed survey only when there is no problem.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCaseRow } from './parse-cases.js';
import { problem, type Problem } from './problems.js';
import { readSurveyTable } from './read-table.js';
import type { Reference } from './reference-data.js';
import type { CaseRecord, ParticipationRecord, Survey } from './survey-record.js';
import { CASE_COLUMNS, PARTICIPATION_COLUMNS, PROVENANCE_LABELS, type Provenance } from './template-columns.js';
import { toHalfWidthDigits } from './normalize.js';

export const CASES_FILE = 'cases.csv';
export const PARTICIPATION_FILE = 'participation.csv';

export type LoadResult = { ok: true; survey: Survey } | { ok: false; problems: Problem[] };

function readBytes(path: string): Uint8Array | null {
  return existsSync(path) ? new Uint8Array(readFileSync(path)) : null;
}

export function loadSurvey(dir: string, ref: Reference, defaultProvenance: Provenance): LoadResult {
  return validateSurvey(readBytes(join(dir, CASES_FILE)), readBytes(join(dir, PARTICIPATION_FILE)), ref, defaultProvenance);
}

export function validateSurvey(casesBytes: Uint8Array | null, partBytes: Uint8Array | null, ref: Reference, defaultProvenance: Provenance): LoadResult {
  const problems: Problem[] = [];
  const casesTable = readSurveyTable(CASES_FILE, casesBytes, CASE_COLUMNS, problems);
  const partTable = readSurveyTable(PARTICIPATION_FILE, partBytes, PARTICIPATION_COLUMNS, problems);
  if (casesTable.readable && !casesTable.present.has('prefecture_code') && !casesTable.present.has('prefecture_name'))
    problems.push(problem('missing_prefecture_column', CASES_FILE, 1, '都道府県名', ''));

  const cases: CaseRecord[] = [];
  // Ids of every case row, valid or not, so participation rows of a broken case
  // are not also reported as "unknown case" (one mistake, one message).
  const seenIds = new Map<string, number>();
  for (const row of casesTable.rows) {
    const id = row.cells.get('case_id') ?? '';
    if (id !== '' && seenIds.has(id)) problems.push(problem('duplicate_case_id', CASES_FILE, row.line, '事例ID', id, `line ${seenIds.get(id)}`));
    else if (id !== '') seenIds.set(id, row.line);
    if (row.misaligned) continue;
    const rec = parseCaseRow(CASES_FILE, row, ref, defaultProvenance, problems);
    if (rec) cases.push(rec);
  }
  const caseById = new Map(cases.map((c) => [c.caseId, c]));

  const participation: ParticipationRecord[] = [];
  const pairs = new Set<string>();
  const listed = new Map<string, number>();
  for (const row of partTable.rows) {
    if (row.misaligned) continue;
    const caseId = row.cells.get('case_id') ?? '';
    const rawCode = row.cells.get('lg_code') ?? '';
    const provRaw = row.cells.get('provenance') ?? '';
    const provenance = provRaw === '' ? defaultProvenance : PROVENANCE_LABELS[provRaw];
    if (!provenance) problems.push(problem('unknown_provenance', PARTICIPATION_FILE, row.line, '出典', provRaw));
    if (caseId === '') problems.push(problem('required_value', PARTICIPATION_FILE, row.line, '事例ID', ''));
    else if (!seenIds.has(caseId)) problems.push(problem('unknown_case', PARTICIPATION_FILE, row.line, '事例ID', caseId));
    const code = toHalfWidthDigits(rawCode);
    if (!/^\d{5,6}$/.test(code)) {
      problems.push(problem('bad_lg_code', PARTICIPATION_FILE, row.line, '団体コード', rawCode));
      continue;
    }
    // A 5-digit code is the same code without its check digit; accept it because many lists use it.
    const muni = code.length === 6 ? ref.muniByCode.get(code) : ref.municipalities.find((m) => m.lgCode5 === code);
    if (!muni) {
      problems.push(problem('unknown_municipality', PARTICIPATION_FILE, row.line, '団体コード', rawCode));
      continue;
    }
    const kase = caseById.get(caseId);
    if (kase && kase.prefectureCode !== muni.prefectureCode)
      problems.push(problem('municipality_other_prefecture', PARTICIPATION_FILE, row.line, '団体コード', rawCode, `${muni.prefectureName}${muni.cityName}`));
    const key = `${caseId}\u0000${muni.lgCode}`;
    if (pairs.has(key)) problems.push(problem('duplicate_participation', PARTICIPATION_FILE, row.line, '団体コード', rawCode));
    pairs.add(key);
    listed.set(caseId, (listed.get(caseId) ?? 0) + 1);
    if (provenance) participation.push({ caseId, lgCode: muni.lgCode, provenance, line: row.line });
  }

  // 参加自治体数 must equal the listed participants when both exist (the dashboard's
  // participation map and the count column would otherwise disagree).
  if (partTable.readable) {
    for (const c of cases) {
      const count = c.fields['participant_count'];
      const n = listed.get(c.caseId) ?? 0;
      if (count?.state === 'answered' && count.value !== n)
        problems.push(problem('participant_count_mismatch', CASES_FILE, c.line, '参加自治体数', String(count.value), `${n} listed in ${PARTICIPATION_FILE}`));
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, survey: { cases, participation } };
}
