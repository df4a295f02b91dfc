/**
 * Parse one answer cell of cases.csv by its column kind (number, 導入時期, band,
 * closed list, multi-valued list). Problems are pushed, never thrown, so a row
 * with several bad cells reports all of them.
 */
import { classifyCell } from './answer-state.js';
import { bandOrder } from './cost-bands.js';
import { normalizeBandLabel, toHalfWidthDigits } from './normalize.js';
import { problem, type Problem } from './problems.js';
import type { FieldAnswer, MultiAnswer, StartAnswer } from './survey-record.js';
import type { TemplateColumn } from './template-columns.js';
import { normalizeMethod } from './vocabulary.js';

export const MIN_YEAR = 1990;
/** The data are as of 2024-01-31, so nothing can start later than 2024. */
export const MAX_YEAR = 2024;

export const MULTI_SEPARATOR = /[,、，]/;

export interface Ctx {
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

export function parseStart(ctx: Ctx, col: TemplateColumn, raw: string): StartAnswer {
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

export function parseMulti(ctx: Ctx, col: TemplateColumn, raw: string, allowed: readonly string[] | null): MultiAnswer {
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

export function parseField(ctx: Ctx, col: TemplateColumn, raw: string): FieldAnswer {
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
