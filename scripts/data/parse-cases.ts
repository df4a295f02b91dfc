/**
 * Validate cases.csv rows and turn them into typed CaseRecords. Every cell is
 * checked independently so all problems of a row are reported together.
 */
import { classifyCell } from './answer-state.js';
import { toHalfWidthDigits } from './normalize.js';
import { MULTI_SEPARATOR, parseField, parseMulti, parseStart, type Ctx } from './parse-cells.js';
import { problem, type Problem } from './problems.js';
import type { Reference } from './reference-data.js';
import type { TableRow } from './read-table.js';
import type { CaseRecord, FieldAnswer, MultiAnswer, StartAnswer } from './survey-record.js';
import { DIVISIONS, findSystem } from './systems.js';
import { CASE_COLUMNS, PROVENANCE_LABELS, type Provenance } from './template-columns.js';

/**
 * Every answer key, present from the start: objects that gain 28 keys one by one
 * through `fields[key] = …` turn into slow hash tables in V8 (≈ 3× the memory at
 * 100,000 cases); a copy of an object that already has all keys stays compact.
 */
const FIELDS_SHAPE: Record<string, FieldAnswer> = JSON.parse(
  JSON.stringify(Object.fromEntries(CASE_COLUMNS.filter((c) => ['text', 'enum', 'int', 'band'].includes(c.kind.type)).map((c) => [c.key, null]))),
) as Record<string, FieldAnswer>;

export function parseCaseRow(file: string, row: TableRow, ref: Reference, defaultProvenance: Provenance, problems: Problem[]): CaseRecord | null {
  const ctx: Ctx = { file, line: row.line, problems };
  const cell = (key: string): string => row.cells.get(key) ?? '';
  const header = (key: string): string => CASE_COLUMNS.find((c) => c.key === key)?.header ?? key;
  const required = (key: string): string | null => {
    const v = cell(key);
    if (classifyCell(v) !== 'answered') {
      problems.push(problem('required_value', file, row.line, header(key), v));
      return null;
    }
    return v;
  };

  const caseId = required('case_id');
  if (caseId !== null && !/^[A-Za-z0-9_-]{1,32}$/.test(caseId)) problems.push(problem('bad_case_id', file, row.line, '事例ID', caseId));

  const division = required('division');
  if (division !== null && !(DIVISIONS as readonly string[]).includes(division)) problems.push(problem('unknown_division', file, row.line, '部門', division));
  const systemName = required('system_name');
  const system = division !== null && systemName !== null ? findSystem(division, systemName) : undefined;
  if (systemName !== null && division !== null && (DIVISIONS as readonly string[]).includes(division) && !system)
    problems.push(problem('unknown_system', file, row.line, 'システム名', systemName));

  // Prefecture: by code and/or name; when both are given they must agree.
  const code = toHalfWidthDigits(cell('prefecture_code'));
  const name = cell('prefecture_name');
  const byCode = code ? ref.prefByCode.get(code.padStart(2, '0')) : undefined;
  const byName = name ? ref.prefByName.get(name) : undefined;
  if (code && !byCode) problems.push(problem('unknown_prefecture', file, row.line, '都道府県コード', code));
  if (name && !byName) problems.push(problem('unknown_prefecture', file, row.line, '都道府県名', name));
  if (!code && !name) problems.push(problem('required_value', file, row.line, '都道府県名', ''));
  if (byCode && byName && byCode !== byName) problems.push(problem('prefecture_mismatch', file, row.line, '都道府県名', `${code} ${name}`));
  const pref = byCode ?? byName;

  const provRaw = cell('provenance');
  const provenance = provRaw === '' ? defaultProvenance : PROVENANCE_LABELS[provRaw];
  if (!provenance) problems.push(problem('unknown_provenance', file, row.line, '出典', provRaw));

  const syntheticFields: string[] = [];
  const synthRaw = cell('synthetic_fields');
  if (synthRaw !== '') {
    if (provenance !== 'published') problems.push(problem('synthetic_fields_not_published', file, row.line, '合成項目', synthRaw));
    for (const h of synthRaw.split(MULTI_SEPARATOR).map((s) => s.trim())) {
      const col = CASE_COLUMNS.find((c) => c.header === h);
      if (!col || ['id', 'provenance', 'syntheticFields'].includes(col.kind.type)) problems.push(problem('unknown_synthetic_field', file, row.line, '合成項目', h));
      else syntheticFields.push(col.key);
    }
  }

  const fields: Record<string, FieldAnswer> = { ...FIELDS_SHAPE };
  let start: StartAnswer = { state: 'blank', year: null, month: null };
  let subsidyNames: MultiAnswer = { state: 'blank', values: [] };
  let costBasis: MultiAnswer = { state: 'blank', values: [] };
  for (const col of CASE_COLUMNS) {
    const raw = cell(col.key);
    if (col.kind.type === 'start') start = parseStart(ctx, col, raw);
    else if (col.kind.type === 'multiText') subsidyNames = parseMulti(ctx, col, raw, null);
    else if (col.kind.type === 'multiEnum') costBasis = parseMulti(ctx, col, raw, col.kind.values);
    else if (['text', 'enum', 'int', 'band'].includes(col.kind.type)) fields[col.key] = parseField(ctx, col, raw);
  }
  if (subsidyNames.state === 'answered' && fields['subsidy']?.value !== 'あり')
    problems.push(problem('subsidy_names_without_subsidy', file, row.line, '補助金の名称', cell('subsidy_names')));
  const count = fields['participant_count'];
  if (pref && count?.state === 'answered' && typeof count.value === 'number' && count.value > pref.municipalityCount)
    problems.push(problem('participant_count_exceeds', file, row.line, '参加自治体数', cell('participant_count'), `${pref.name} ${pref.municipalityCount}`));

  // Returned even when other cells had problems, so cross-file checks still run (all problems in one run).
  if (!caseId || !system || !pref || !provenance) return null;
  return {
    caseId,
    provenance,
    syntheticFields,
    systemId: system.id,
    prefectureCode: pref.code,
    start,
    fields,
    subsidyNames,
    costBasis,
    line: row.line,
  };
}
