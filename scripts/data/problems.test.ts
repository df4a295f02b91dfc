import { describe, expect, it } from 'vitest';
import { formatProblem, MAX_ECHO, problem } from './problems.js';

describe('problems', () => {
  it('echo the start of a long value and say how long it was', () => {
    const header = 'あ'.repeat(300_000);
    const p = problem('unknown_column', 'cases.csv', 1, header, header);
    expect(p.value).toBe(`${'あ'.repeat(MAX_ECHO)}…`);
    expect(p.valueLength).toBe(300_000);
    const line = formatProblem(p);
    expect(line.length).toBeLessThan(400);
    expect(line).toContain('全300,000文字 / 300,000 chars');
  });
  it('do not mention the length of a short value', () => {
    expect(formatProblem(problem('unknown_band', 'cases.csv', 5, '初期費用規模', '高い'))).toBe(
      'cases.csv:5 [初期費用規模] 値/value="高い": 不明な費用規模です / unknown cost band',
    );
  });
  it('print control characters and line breaks visibly, one problem per line', () => {
    const line = formatProblem(problem('control_character', 'cases.csv', 2, 'サービス名', 'a\u0000b\u001b[31m\nc'));
    expect(line).toContain('値/value="a\\u0000b\\u001b[31m\\u000ac"');
    expect(line).not.toMatch(/[\u0000-\u001f]/);
  });
});
