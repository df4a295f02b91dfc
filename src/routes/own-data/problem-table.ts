import { groupDigits } from '$lib/ui/group-digits';
/**
 * The problem list as the page shows and copies it: sortable by any column, and
 * as tab-separated text (pastes into Excel as a table). Pure, unit-tested.
 */
import type { Problem } from '../../../scripts/data/survey-core.js';
import { visible } from '../../../scripts/data/survey-core.js';

export type ProblemKey = 'file' | 'row' | 'column' | 'value' | 'ja' | 'en';

export const PROBLEM_COLUMNS: readonly { key: ProblemKey; label: string }[] = [
  { key: 'file', label: 'ファイル' },
  // CSV: the row Excel shows (header = 1); Parquet: the row of the file (first data row = 1).
  { key: 'row', label: '行' },
  { key: 'column', label: '列' },
  { key: 'value', label: '値' },
  { key: 'ja', label: '内容' },
  { key: 'en', label: 'Reason (English)' },
];

export interface SortState {
  key: ProblemKey;
  descending: boolean;
}

const collator = new Intl.Collator('ja');

/** Sorted copy; ties keep the validator's order (first problems first). */
export function sortProblems(problems: readonly Problem[], sort: SortState): Problem[] {
  const dir = sort.descending ? -1 : 1;
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => {
      const x = a.p[sort.key];
      const y = b.p[sort.key];
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
      return c * dir || a.i - b.i;
    })
    .map(({ p }) => p);
}

/** The value as shown: control characters made visible, the full length when cut. */
export function shownValue(p: Problem): string {
  const v = visible(p.value);
  return p.valueLength > p.value.length ? `${v}（全${groupDigits(p.valueLength)}文字）` : v;
}

const tsvCell = (s: string) => s.replace(/[\t\r\n]+/g, ' ');

/** Header + one line per problem, tab-separated. */
export function problemsToTsv(problems: readonly Problem[]): string {
  const lines = problems.map((p) => [p.file, p.row > 0 ? String(p.row) : '', p.column, shownValue(p), p.ja, p.en].map(tsvCell).join('\t'));
  return [PROBLEM_COLUMNS.map((c) => c.label).join('\t'), ...lines].join('\n') + '\n';
}
