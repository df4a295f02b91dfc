/**
 * The validator: survey bytes (cases.csv + participation.csv) + reference data →
 * the typed survey, or every problem found (errors as data). Pure: no file system,
 * no node: imports, so the build (Node) and the browser (a Web Worker) run this
 * same code. Rows are read and checked one at a time; only the parsed records
 * and small per-case indexes are kept.
 */
import { parseCaseRow } from './parse-cases.js';
import { problem, type Problem } from './problems.js';
import { readSurveyTable, type ReadTable } from './read-table.js';
import type { Reference } from './reference-data.js';
import type { CaseRecord, ParticipationRecord, Survey } from './survey-record.js';
import { CASE_COLUMNS, PARTICIPATION_COLUMNS, PROVENANCE_LABELS, type Provenance } from './template-columns.js';
import { toHalfWidthDigits } from './normalize.js';

export const CASES_FILE = 'cases.csv';
export const PARTICIPATION_FILE = 'participation.csv';

export type LoadResult = { ok: true; survey: Survey } | { ok: false; problems: Problem[] };

/** A file's bytes (null: the file does not exist), or a function that reads them when they are needed. */
export type SurveySource = Uint8Array | null | (() => Uint8Array | null);

const bytesOf = (s: SurveySource): Uint8Array | null => (typeof s === 'function' ? s() : s);

/** Rows read so far in `file`: reported every PROGRESS_EVERY rows (and at each file's end) for large files. */
export type ProgressListener = (p: { file: string; rows: number }) => void;
export const PROGRESS_EVERY = 10_000;

function* counted<T>(file: string, rows: Iterable<T>, onProgress: ProgressListener | undefined): Generator<T> {
  let n = 0;
  for (const row of rows) {
    yield row;
    if (++n % PROGRESS_EVERY === 0) onProgress?.({ file, rows: n });
  }
  onProgress?.({ file, rows: n });
}

/** The names problems give the two survey files (the template CSVs, or the build's Parquet files). */
export interface SurveyFileNames {
  cases: string;
  participation: string;
}
const CSV_FILES: SurveyFileNames = { cases: CASES_FILE, participation: PARTICIPATION_FILE };

/** First problems first: by file (in `order`, others after), then row (whole-file problems, row 0, lead). Stable within a row. */
export function inReadingOrder(problems: Problem[], order: readonly string[] = [CASES_FILE, PARTICIPATION_FILE]): Problem[] {
  const at = (f: string) => (order.includes(f) ? order.indexOf(f) : order.length);
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => at(a.p.file) - at(b.p.file) || a.p.row - b.p.row || a.i - b.i)
    .map(({ p }) => p);
}

/**
 * Pass functions as sources to let each file's bytes (and decoded text) be freed
 * as soon as its rows have been read (the second file is read only after the first).
 */
export function validateSurvey(
  casesSource: SurveySource,
  partSource: SurveySource,
  ref: Reference,
  defaultProvenance: Provenance,
  onProgress?: ProgressListener,
): LoadResult {
  const problems: Problem[] = [];
  return validateSurveyRows(
    () => readSurveyTable(CASES_FILE, bytesOf(casesSource), CASE_COLUMNS, problems),
    () => readSurveyTable(PARTICIPATION_FILE, bytesOf(partSource), PARTICIPATION_COLUMNS, problems),
    problems,
    ref,
    defaultProvenance,
    CSV_FILES,
    onProgress,
  );
}

/**
 * The checks themselves, on rows of template cells from any reader: the CSV reader above,
 * or the build's Parquet files turned back into template cells (parquet-rows.ts), so both
 * are refused by exactly the same rules and messages. Readers push their own problems into
 * `problems`; the participation reader is called only after every case row was read.
 */
export function validateSurveyRows(
  readCases: () => ReadTable,
  readParticipation: () => ReadTable,
  problems: Problem[],
  ref: Reference,
  defaultProvenance: Provenance,
  files: SurveyFileNames,
  onProgress?: ProgressListener,
): LoadResult {
  const casesTable = readCases();
  if (casesTable.readable && !casesTable.present.has('prefecture_code') && !casesTable.present.has('prefecture_name'))
    problems.push(problem('missing_prefecture_column', files.cases, 1, '都道府県名', ''));

  const cases: CaseRecord[] = [];
  // Ids of every case row, valid or not, so participation rows of a broken case
  // are not also reported as "unknown case" (one mistake, one message).
  const seenIds = new Map<string, number>();
  /** 参加自治体数 as typed, for cases whose count is a number. */
  const countCell = new Map<string, string>();
  for (const row of counted(files.cases, casesTable.rows, onProgress)) {
    const id = row.cells.get('case_id') ?? '';
    if (id !== '' && seenIds.has(id)) problems.push(problem('duplicate_case_id', files.cases, row.line, '事例ID', id, `${seenIds.get(id)}行目 / row ${seenIds.get(id)}`));
    else if (id !== '') seenIds.set(id, row.line);
    if (row.misaligned) continue;
    const rec = parseCaseRow(files.cases, row, ref, defaultProvenance, problems);
    if (!rec) continue;
    cases.push(rec);
    if (typeof rec.fields['participant_count']?.value === 'number') countCell.set(rec.caseId, row.cells.get('participant_count') ?? '');
  }
  // Participation rows can only be matched to cases if all of cases.csv was read.
  const casesKnown = casesTable.readable && casesTable.complete;
  /** Per valid case: its prefecture and its id string (participation records share it instead of keeping slices of their file). */
  const caseOf = new Map(cases.map((c) => [c.caseId, c]));

  const partTable = readParticipation();
  const participation: ParticipationRecord[] = [];
  const munisOf = new Map<string, Set<string>>();
  /** Unknown case ids: reported once each, at their first row, with how many rows name them. */
  const unknown = new Map<string, { row: number; n: number }>();
  for (const row of counted(files.participation, partTable.rows, onProgress)) {
    if (row.misaligned) continue;
    const caseId = row.cells.get('case_id') ?? '';
    const rawCode = row.cells.get('lg_code') ?? '';
    const provRaw = row.cells.get('provenance') ?? '';
    const provenance = provRaw === '' ? defaultProvenance : PROVENANCE_LABELS[provRaw];
    if (!provenance) problems.push(problem('unknown_provenance', files.participation, row.line, '出典', provRaw));
    if (caseId === '') problems.push(problem('required_value', files.participation, row.line, '事例ID', ''));
    else if (casesKnown && !seenIds.has(caseId)) {
      const u = unknown.get(caseId);
      if (u) u.n++;
      else unknown.set(caseId, { row: row.line, n: 1 });
    }
    const code = toHalfWidthDigits(rawCode);
    if (!/^\d{5,6}$/.test(code)) {
      problems.push(problem('bad_lg_code', files.participation, row.line, '団体コード', rawCode));
      continue;
    }
    // A 5-digit code is the same code without its check digit; accept it because many lists use it.
    const muni = code.length === 6 ? ref.muniByCode.get(code) : ref.muniByCode5.get(code);
    if (!muni) {
      problems.push(problem('unknown_municipality', files.participation, row.line, '団体コード', rawCode));
      continue;
    }
    const kase = caseOf.get(caseId);
    if (kase && kase.prefectureCode !== muni.prefectureCode)
      problems.push(problem('municipality_other_prefecture', files.participation, row.line, '団体コード', rawCode, `${muni.prefectureName}${muni.cityName}`));
    let set = munisOf.get(caseId);
    if (!set) munisOf.set(caseId, (set = new Set()));
    if (set.has(muni.lgCode)) problems.push(problem('duplicate_participation', files.participation, row.line, '団体コード', rawCode));
    set.add(muni.lgCode);
    if (provenance) participation.push({ caseId: kase?.caseId ?? caseId, lgCode: muni.lgCode, provenance, line: row.line });
  }
  for (const [id, { row, n }] of unknown) {
    problems.push(problem(files.cases === CASES_FILE ? 'unknown_case' : 'unknown_case_parquet', files.participation, row, '事例ID', id, n > 1 ? `この事例IDの行は全${n}行 / ${n} rows name this id` : ''));
  }
  if (partTable.readable && !casesKnown) problems.push(problem('not_checked', files.participation, 0, '事例ID', ''));

  // 参加自治体数 must equal the listed participants when both exist (the dashboard's
  // participation map and the count column would otherwise disagree).
  if (partTable.readable && partTable.complete) {
    for (const c of cases) {
      const count = c.fields['participant_count'];
      const n = munisOf.get(c.caseId)?.size ?? 0;
      if (typeof count?.value === 'number' && count.value !== n)
        problems.push(problem('participant_count_mismatch', files.cases, c.line, '参加自治体数', countCell.get(c.caseId) ?? '', `${files.participation} には${n}団体 / ${n} listed in ${files.participation}`));
    }
  }
  if (problems.length > 0) return { ok: false, problems: inReadingOrder(problems, [files.cases, files.participation]) };
  return { ok: true, survey: { cases, participation } };
}
