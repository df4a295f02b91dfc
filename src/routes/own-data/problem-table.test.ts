import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { problem, type Problem } from '../../../scripts/data/problems.js';
import { problemsToTsv, sortProblems } from './problem-table';

const arbProblem = fc
  .record({ file: fc.constantFrom('cases.csv', 'participation.csv'), row: fc.nat(50), column: fc.constantFrom('', '事例ID', '部門', '団体コード'), value: fc.string({ maxLength: 120 }) })
  .map((r) => problem('unknown_value', r.file, r.row, r.column, r.value));

describe('problem table', () => {
  it('sorts by row numerically and by text in Japanese order, keeping ties in their original order', () => {
    fc.assert(
      fc.property(fc.array(arbProblem, { maxLength: 30 }), fc.constantFrom('row', 'file', 'column', 'value') as fc.Arbitrary<'row' | 'file' | 'column' | 'value'>, fc.boolean(), (ps, key, descending) => {
        const sorted = sortProblems(ps, { key, descending });
        expect([...sorted].sort((a, b) => ps.indexOf(a) - ps.indexOf(b))).toEqual(ps);
        for (let i = 1; i < sorted.length; i++) {
          const [a, b] = [sorted[i - 1] as Problem, sorted[i] as Problem];
          const c = key === 'row' ? a.row - b.row : new Intl.Collator('ja').compare(String(a[key]), String(b[key]));
          expect(descending ? c >= 0 : c <= 0).toBe(true);
          if (c === 0) expect(ps.indexOf(a)).toBeLessThan(ps.indexOf(b));
        }
      }),
    );
  });
  it('copies as one TSV line per problem, whatever the value holds', () => {
    fc.assert(
      fc.property(fc.array(arbProblem, { maxLength: 20 }), (ps) => {
        const lines = problemsToTsv(ps).trimEnd().split('\n');
        expect(lines.length).toBe(ps.length + 1);
        for (const l of lines) expect(l.split('\t').length).toBe(6);
      }),
    );
  });
  it('shows control characters and the full length of a cut value', () => {
    const tsv = problemsToTsv([problem('control_character', 'cases.csv', 3, 'サービス名', `a\u0000${'x'.repeat(200)}`)]);
    expect(tsv).toContain('a\\u0000xxx');
    expect(tsv).toContain('（全202文字）');
  });
});
