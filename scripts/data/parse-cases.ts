/**
 * Validate cases.csv rows and turn them into typed CaseRecords. Every cell is
 * checked independently so all problems of a row are reported together.
 */
import { classifyCell } from './answer-state.js';
import { bandOrder } from './cost-bands.js';
import { normalizeBandLabel, toHalfWidthDigits } from './normalize.js';
import { problem, type Problem } from './problems.js';
import type { Reference } from './reference-data.js';
import type { TableRow } from './read-table.js';
import type { CaseRecord, FieldAnswer, MultiAnswer, StartAnswer } from './survey-record.js';
import { DIVISIONS, findSystem } from './systems.js';
import { CASE_COLUMNS, PROVENANCE_LABELS, type Provenance, type TemplateColumn } from './template-columns.js';
import { normalizeMethod } from './vocabulary.js';

export const MIN_YEAR = 1990;
/** The data are as of 2024-01-31, so nothing can start later than 2024. */
export const MAX_YEAR = 2024;

const MULTI_SEPARATOR = /[,、，]/;

interface Ctx {
  file: string;
  line: number;
  problems: Problem[];
}

function parseInteger(ctx: Ctx, col: TemplateColumn, raw: string, max: number): FieldAnswer {
  const s = toHalfWidthDigits(raw).replace(/[,，]/g, '');
  if (!/^\d+$/.test(s)) {
    ctx.problems.push(problem('not_integer', ctx.file, ctx.line, col.header, raw));
    return { state: 'answered', value: null };
  }
  const n = Number(s);
  if (n > max) ctx.problems.push(problem('out_of_range', ctx.file, ctx.line, col.header, raw, `0–${max}`));
  return { state: 'answered', value: n };
}

function parseStart(ctx: Ctx, col: TemplateColumn, raw: string): StartAnswer {
  const state = classifyCell(raw);
  if (state !== 'answered') return { state, year: null, month: null };
  const s = toHalfWidthDigits(raw).replace(/[/.年]/g, '-').replace(/月$/, '');
  const m = /^(\d{4})(?:-(\d{1,2}))?$/.exec(s);
  if (!m) {
    ctx.problems.push(problem('bad_start', ctx.file, ctx.line, col.header, raw));
    return { state, year: null, month: null };
  }
  const year = Number(m[1]);
  const month = m[2] === undefined ? null : Number(m[2]);
  if (year < MIN_YEAR || year > MAX_YEAR) ctx.problems.push(problem('year_out_of_range', ctx.file, ctx.line, col.header, raw));
  if (month !== null && (month < 1 || month > 12)) ctx.problems.push(problem('month_out_of_range', ctx.file, ctx.line, col.header, raw));
  return { state, year, month };
}

function parseMulti(ctx: Ctx, col: TemplateColumn, raw: string, allowed: readonly string[] | null): MultiAnswer {
  const state = classifyCell(raw);
  if (state !== 'answered') return { state, values: [] };
  const values: string[] = [];
  for (const part of raw.split(MULTI_SEPARATOR).map((p) => p.trim())) {
    if (part === '') ctx.problems.push(problem('empty_item', ctx.file, ctx.line, col.header, raw));
    else if (allowed && !allowed.includes(part)) ctx.problems.push(problem('unknown_value', ctx.file, ctx.line, col.header, part, allowed.join(' / ')));
    else if (values.includes(part)) ctx.problems.push(problem('duplicate_item', ctx.file, ctx.line, col.header, part));
    else values.push(part);
  }
  return { state, values };
}

function parseField(ctx: Ctx, col: TemplateColumn, raw: string): FieldAnswer {
  const state = classifyCell(raw);
  if (state !== 'answered') return { state, value: null };
  const kind = col.kind;
  switch (kind.type) {
    case 'text':
      return { state, value: raw };
    case 'enum': {
      const v = kind.method ? normalizeMethod(raw) : raw.replace(/\s+/g, '');
      if (!kind.values.includes(v)) ctx.problems.push(problem('unknown_value', ctx.file, ctx.line, col.header, raw, kind.values.join(' / ')));
      return { state, value: v };
    }
    case 'int':
      return parseInteger(ctx, col, raw, kind.max);
    case 'band': {
      const order = bandOrder(normalizeBandLabel(raw));
      if (order === undefined) ctx.problems.push(problem('unknown_band', ctx.file, ctx.line, col.header, raw));
      return { state, value: order ?? null };
    }
    default:
      throw new Error(`parseField: unexpected kind ${kind.type}`);
  }
}

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

  const fields: Record<string, FieldAnswer> = {};
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
    problems.push(problem('participant_count_exceeds', file, row.line, '参加自治体数', String(count.value), `${pref.name} ${pref.municipalityCount}`));

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
