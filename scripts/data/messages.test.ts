/**
 * Messages that help (issue 10 points 7–8, issue 11): each problem names the row
 * Excel shows, the cell as typed, and one whole-file problem is not followed by
 * thousands of follow-on problems.
 */
import { describe, expect, it } from 'vitest';
import { loadReference } from './load-reference.js';
import { formatProblem, type Problem } from './problems.js';
import { baseCase, BASE_PARTICIPATION, fixtureText, shiftJis, utf8 } from './test-support/survey-fixture.js';
import { validateSurvey } from './validate-survey.js';

const ref = loadReference('data/reference');

function problemsOf(cases: Uint8Array | null, participation: Uint8Array | null): Problem[] {
  const r = validateSurvey(cases, participation, ref, 'survey');
  if (r.ok) throw new Error('expected problems');
  return r.problems;
}
const base = fixtureText();
const partBytes = utf8(base.participation);
/** Three valid cases without quoted cells; K2 gets `k2`. */
const threeCases = (k2: Record<string, string> = {}) => {
  const one = { 費用按分の基準: '人口割' };
  return fixtureText({
    cases: [baseCase('K1', one), baseCase('K2', { ...one, ...k2 }), baseCase('K3', one)],
    participation: [...BASE_PARTICIPATION, ['K3', '141003'], ['K3', '141305']],
  });
};
const NOT_CHECKED = expect.objectContaining({ code: 'not_checked', file: 'participation.csv' });

describe('problems name the row Excel shows', () => {
  it('a cell with line breaks does not shift later rows', () => {
    const t = fixtureText({ cases: [baseCase('K1', { 調達の経緯: '一\n二\n三\n四\n五\n六' }), baseCase('K2', { 初期費用規模: '高い' })] });
    const [p] = problemsOf(utf8(t.cases), partBytes);
    expect(p).toMatchObject({ code: 'unknown_band', row: 3, value: '高い' });
  });
  it('an unterminated quote is reported at its file:row in both languages', () => {
    const t = threeCases({ サービス名: 'X' });
    const broken = t.cases.replace(',X,', ',"X,');
    const ps = problemsOf(utf8(broken), utf8(t.participation));
    expect(ps).toEqual([expect.objectContaining({ code: 'unterminated_quote', file: 'cases.csv', row: 3 }), NOT_CHECKED]);
    expect(formatProblem(ps[0] as Problem)).toMatch(/^cases\.csv:3 .*閉じられていません.*never closed/);
  });
});

describe('hostile cells are rejected with file, row and column (issue 10)', () => {
  it('a NUL byte in a text cell', () => {
    const t = threeCases({ サービス名: 'テスト\u0000施設' });
    const ps = problemsOf(utf8(t.cases), utf8(t.participation));
    expect(ps).toEqual([expect.objectContaining({ code: 'control_character', file: 'cases.csv', row: 3, column: 'サービス名' })]);
    expect(ps[0]?.ja).toContain('U+0000');
  });
  it('a control character in an answer cell is one problem, not also an unknown answer', () => {
    const t = threeCases({ システム環境種別: 'クラウド\u0000サービス' });
    expect(problemsOf(utf8(t.cases), utf8(t.participation)).map((p) => p.code)).toEqual(['control_character']);
  });
  it.each(['\u0007', '\u001b', '\u007f', '\u0085'])('control character %j, but not tab or line breaks', (ch) => {
    const t = threeCases({ 担当部署: `課${ch}` });
    expect(problemsOf(utf8(t.cases), utf8(t.participation)).map((p) => p.code)).toEqual(['control_character']);
    const ok = threeCases({ 担当部署: '課\t係', 調達の経緯: '一\r\n二' });
    expect(validateSurvey(utf8(ok.cases), utf8(ok.participation), ref, 'survey').ok).toBe(true);
  });
  it('an undoubled quote inside a quoted cell is malformed CSV at its file:row', () => {
    const t = threeCases({ サービス名: 'X' });
    const bad = t.cases.replace(',X,', ',"青森 "電子申請" サービス",');
    const ps = problemsOf(utf8(bad), utf8(t.participation));
    expect(ps[0]).toMatchObject({ code: 'stray_quote', file: 'cases.csv', row: 3 });
  });
});

describe('whole-file problems are not followed by follow-on problems', () => {
  it.each([
    ['missing', null, 'missing_file'],
    ['UTF-16', new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x2c, 0x00]), 'utf16'],
    ['undecodable', new Uint8Array([0x82, 0xff, 0xfe, 0x41]), 'encoding'],
    ['an Excel workbook as', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), 'binary_zip'],
    ['binary', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]), 'binary_other'],
  ] as const)('%s cases.csv: one problem, plus one note that participation ids were not checked', (_n, bytes, code) => {
    const many = fixtureText({ participation: Array.from({ length: 3000 }, () => ['K9', '141003']) });
    const ps = problemsOf(bytes, utf8(many.participation));
    expect(ps.map((p) => p.code)).toEqual([code, 'not_checked', ...Array<string>(2999).fill('duplicate_participation')].slice(0, ps.length));
    expect(ps.filter((p) => p.code === 'unknown_case')).toEqual([]);
  });
  it('rows naming one unknown case id are grouped into one problem at its first row', () => {
    const t = fixtureText({ participation: [...BASE_PARTICIPATION, ['K9', '141003'], ['K9', '141305'], ['K9', '142018']] });
    const ps = problemsOf(utf8(t.cases), utf8(t.participation));
    expect(ps).toEqual([expect.objectContaining({ code: 'unknown_case', row: 6, value: 'K9' })]);
    expect(ps[0]?.en).toContain('3 rows');
  });
  it('a mixed-encoding file (Shift_JIS rows inside UTF-8) names the first bad row', () => {
    const t = threeCases();
    const [head, ...rest] = t.cases.split('\n');
    const bytes = new Uint8Array([...utf8(`${head}\n${rest[0]}\n`), ...shiftJis(`${rest[1]}\n`), ...utf8(rest.slice(2).join('\n'))]);
    const ps = problemsOf(bytes, utf8(t.participation));
    expect(ps).toEqual([expect.objectContaining({ code: 'mixed_encoding', row: 3 }), NOT_CHECKED]);
  });
  it('a tab-separated file is told the separator is wrong', () => {
    const t = threeCases();
    const tsv = t.cases.replace(/,/g, '\t');
    expect(problemsOf(utf8(tsv), utf8(t.participation))).toEqual([expect.objectContaining({ code: 'wrong_separator', row: 1 }), NOT_CHECKED]);
  });
});

describe('problems show the cell as typed', () => {
  it('a repeated header row is called that, and only that', () => {
    const t = threeCases();
    const lines = t.cases.split('\n');
    const withHeader = [lines[0], lines[1], lines[0], ...lines.slice(2)].join('\n');
    expect(problemsOf(utf8(withHeader), utf8(t.participation))).toEqual([expect.objectContaining({ code: 'repeated_header', row: 3 })]);
  });
  it('a wrong cell count shows the row, not the count', () => {
    const t = threeCases();
    const bad = t.cases.replace('\nK2,', '\nK2,extra,');
    const [p] = problemsOf(utf8(bad), utf8(t.participation));
    expect(p).toMatchObject({ code: 'column_count', row: 3 });
    expect(p?.value.startsWith('K2,extra,事業部門,')).toBe(true);
    expect(p?.en).toMatch(/37 cells, header has 36/);
  });
  it('an unparseable count is reported once, as typed, never as "null"', () => {
    const t = threeCases({ 参加自治体数: '二' });
    const ps = problemsOf(utf8(t.cases), utf8(t.participation));
    expect(ps).toEqual([expect.objectContaining({ code: 'not_integer', value: '二' })]);
    expect(ps.map(formatProblem).join('\n')).not.toContain('"null"');
  });
  it('a count that differs is shown as typed (full-width digits stay full-width)', () => {
    const t = threeCases({ 参加自治体数: '３' });
    expect(problemsOf(utf8(t.cases), utf8(t.participation))).toEqual([expect.objectContaining({ code: 'participant_count_mismatch', value: '３', row: 3 })]);
  });
});

describe('progress', () => {
  it('reports rows read per file, at every 10,000 rows and at each file’s end', () => {
    const t = fixtureText({ participation: [...BASE_PARTICIPATION, ...Array.from({ length: 20_000 }, () => ['K9', 'x'])] });
    const seen: { file: string; rows: number }[] = [];
    validateSurvey(utf8(t.cases), utf8(t.participation), ref, 'survey', (p) => seen.push(p));
    expect(seen).toEqual([
      { file: 'cases.csv', rows: 2 },
      { file: 'participation.csv', rows: 10_000 },
      { file: 'participation.csv', rows: 20_000 },
      { file: 'participation.csv', rows: 20_004 },
    ]);
  });
});
