/**
 * The malformed-input corpus: each bad file yields its own precise problem
 * (file, row, column, value, code), all problems are reported in one run, and
 * the accepted variants (BOM, Shift_JIS, CRLF, full-width digits, dash variants) pass.
 */
import { describe, expect, it } from 'vitest';
import { validateSurvey } from './validate-survey.js';
import type { ProblemCode } from './problems.js';
import { loadReference } from './load-reference.js';
import { baseCase, BASE_PARTICIPATION, crlf, fixtureText, shiftJis, utf8, withBom, type FixtureInput } from './test-support/survey-fixture.js';
import { CASE_COLUMNS } from './template-columns.js';

const ref = loadReference('data/reference');
const headers = CASE_COLUMNS.map((c) => c.header);

function run(input: FixtureInput | { casesBytes: Uint8Array | null; partBytes?: Uint8Array | null }) {
  if ('casesBytes' in input) {
    return validateSurvey(input.casesBytes, input.partBytes === undefined ? utf8(fixtureText().participation) : input.partBytes, ref, 'survey');
  }
  const t = fixtureText(input);
  return validateSurvey(utf8(t.cases), utf8(t.participation), ref, 'survey');
}

interface Expect {
  code: ProblemCode;
  file?: string;
  row?: number;
  column?: string;
  value?: string;
}

type Case = [string, Parameters<typeof run>[0], Expect];

const withCase = (extra: Record<string, string>, participation?: string[][]): FixtureInput => ({
  cases: [baseCase('K1', extra), baseCase('K2')],
  ...(participation ? { participation } : {}),
});

const CORPUS: Case[] = [
  ['empty cases file', { casesBytes: new Uint8Array() }, { code: 'empty_file', file: 'cases.csv' }],
  ['whitespace-only file', { casesBytes: utf8('\n\r\n  \n') }, { code: 'empty_file', file: 'cases.csv' }],
  ['header only', { casesBytes: utf8(headers.join(',') + '\n') }, { code: 'no_rows', file: 'cases.csv' }],
  ['bytes that are neither UTF-8 nor Shift_JIS', { casesBytes: new Uint8Array([0x82, 0xff, 0xfe, 0x41, 0x0a]) }, { code: 'encoding', file: 'cases.csv' }],
  ['UTF-16 file', { casesBytes: new Uint8Array([0xff, 0xfe, 0x8b, 0x4e]) }, { code: 'utf16', file: 'cases.csv' }],
  ['participation file missing', { casesBytes: utf8(fixtureText().cases), partBytes: null }, { code: 'missing_file', file: 'participation.csv' }],
  ['unknown column', { caseHeaders: [...headers, '備考'] }, { code: 'unknown_column', row: 1, column: '備考' }],
  ['missing required column', { caseHeaders: headers.filter((h) => h !== 'サービス名') }, { code: 'missing_column', row: 1, column: 'サービス名' }],
  ['duplicate column', { caseHeaders: [...headers, '担当部署'] }, { code: 'duplicate_column', column: '担当部署' }],
  ['no prefecture column', { caseHeaders: headers.filter((h) => !h.startsWith('都道府県コード') && h !== '都道府県名') }, { code: 'missing_prefecture_column' }],
  ['row with too many cells', { casesBytes: utf8(fixtureText().cases.replace('\nK2,', '\nK2,extra,')) }, { code: 'column_count', row: 3 }],
  ['unterminated quote', { casesBytes: utf8(fixtureText().cases + 'K3,"テスト\n') }, { code: 'unterminated_quote', file: 'cases.csv', row: 4 }],
  ['empty case id', withCase({ 事例ID: '' }), { code: 'required_value', row: 2, column: '事例ID' }],
  ['case id with a space', withCase({ 事例ID: 'K 1' }), { code: 'bad_case_id', row: 2, value: 'K 1' }],
  ['duplicate case id', { cases: [baseCase('K1'), baseCase('K1')], participation: BASE_PARTICIPATION.slice(0, 2) }, { code: 'duplicate_case_id', row: 3, value: 'K1' }],
  ['unknown division', withCase({ 部門: '企画部門' }), { code: 'unknown_division', column: '部門', value: '企画部門' }],
  ['unknown system', withCase({ システム名: '給与システム' }), { code: 'unknown_system', value: '給与システム' }],
  ['system of another division', withCase({ 部門: '総務部門' }), { code: 'unknown_system', value: '施設予約システム' }],
  ['unknown prefecture code', withCase({ 都道府県コード: '48', 都道府県名: '' }), { code: 'unknown_prefecture', column: '都道府県コード', value: '48' }],
  ['unknown prefecture name', withCase({ 都道府県コード: '', 都道府県名: '神奈川' }), { code: 'unknown_prefecture', column: '都道府県名', value: '神奈川' }],
  ['prefecture code and name disagree', withCase({ 都道府県コード: '13' }), { code: 'prefecture_mismatch', row: 2 }],
  ['unknown environment', withCase({ システム環境種別: 'オンプレ' }), { code: 'unknown_value', column: 'システム環境種別', value: 'オンプレ' }],
  ['unknown band', withCase({ 初期費用規模: '2千万-3千万' }), { code: 'unknown_band', column: '初期費用規模', value: '2千万-3千万' }],
  ['unknown selection method', withCase({ 事業者選定方法: '入札' }), { code: 'unknown_value', column: '事業者選定方法', value: '入札' }],
  ['participant count not a number', withCase({ 参加自治体数: '二' }), { code: 'not_integer', column: '参加自治体数', value: '二' }],
  ['population out of range', withCase({ 参加自治体人口数: '999999999' }), { code: 'out_of_range', column: '参加自治体人口数' }],
  ['year after the data date', withCase({ 導入時期: '2030' }), { code: 'year_out_of_range', column: '導入時期', value: '2030' }],
  ['year before 1990', withCase({ 導入時期: '1985-04' }), { code: 'year_out_of_range', value: '1985-04' }],
  ['Japanese era year', withCase({ 導入時期: '平成27年' }), { code: 'bad_start', value: '平成27年' }],
  ['month 13', withCase({ 導入時期: '2015-13' }), { code: 'month_out_of_range', value: '2015-13' }],
  ['unknown cost basis', withCase({ 費用按分の基準: '人口割,面積割' }), { code: 'unknown_value', column: '費用按分の基準', value: '面積割' }],
  ['duplicate cost basis', withCase({ 費用按分の基準: '人口割,人口割' }), { code: 'duplicate_item', value: '人口割' }],
  ['empty item in a list', withCase({ 費用按分の基準: '人口割,,均等割' }), { code: 'empty_item', column: '費用按分の基準' }],
  ['unknown provenance', withCase({ 出典: '推計' }), { code: 'unknown_provenance', value: '推計' }],
  ['unknown synthetic field', withCase({ 出典: '公開資料', 合成項目: '担当者' }), { code: 'unknown_synthetic_field', value: '担当者' }],
  ['synthetic fields on a survey row', withCase({ 合成項目: '担当部署' }), { code: 'synthetic_fields_not_published' }],
  ['subsidy names without subsidy', withCase({ 補助金の名称: '地方創生推進交付金' }), { code: 'subsidy_names_without_subsidy', column: '補助金の名称' }],
  ['参加自治体数 ≠ listed participants', withCase({ 参加自治体数: '3' }), { code: 'participant_count_mismatch', file: 'cases.csv', row: 2, value: '3' }],
  ['参加自治体数 > prefecture total', withCase({ 参加自治体数: '34' }), { code: 'participant_count_exceeds', value: '34' }],
  ['malformed municipality code', { participation: [...BASE_PARTICIPATION, ['K1', '14-100']] }, { code: 'bad_lg_code', file: 'participation.csv', row: 6, value: '14-100' }],
  ['unknown municipality code', { participation: [...BASE_PARTICIPATION.slice(1), ['K1', '149999']] }, { code: 'unknown_municipality', value: '149999' }],
  ['municipality of another prefecture', { participation: [...BASE_PARTICIPATION.slice(1), ['K1', '011002']] }, { code: 'municipality_other_prefecture', value: '011002' }],
  ['participation for an unknown case', { participation: [...BASE_PARTICIPATION, ['K9', '141003']] }, { code: 'unknown_case', value: 'K9' }],
  ['duplicate participation row', { participation: [BASE_PARTICIPATION[0] ?? [], ...BASE_PARTICIPATION.slice(0, 1), ...BASE_PARTICIPATION.slice(2)] }, { code: 'duplicate_participation', row: 3 }],
];

describe('malformed inputs', () => {
  it('has a corpus of at least 25 inputs', () => expect(CORPUS.length).toBeGreaterThanOrEqual(25));
  it.each(CORPUS)('%s', (_name, input, exp) => {
    const result = run(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const match = result.problems.find((p) => p.code === exp.code);
    expect(match, JSON.stringify(result.problems, null, 1)).toBeDefined();
    expect(match).toMatchObject({
      ...(exp.file ? { file: exp.file } : {}),
      ...(exp.row !== undefined ? { row: exp.row } : {}),
      ...(exp.column ? { column: exp.column } : {}),
      ...(exp.value !== undefined ? { value: exp.value } : {}),
    });
    expect(match?.ja).toMatch(/[ぁ-んァ-ン一-龯]/);
    expect(match?.en).toMatch(/[a-z]/);
  });
  it('reports all problems of a file in one run', () => {
    const result = run({
      cases: [baseCase('K1', { 初期費用規模: '高い', 導入時期: '2099' }), baseCase('K2', { 部門: '謎' })],
      participation: [...BASE_PARTICIPATION, ['K1', '011002']],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.code).sort()).toEqual(
      ['municipality_other_prefecture', 'participant_count_mismatch', 'unknown_band', 'unknown_division', 'year_out_of_range'].sort(),
    );
  });
});

describe('accepted variants', () => {
  const ok = (casesBytes: Uint8Array, partBytes: Uint8Array) => {
    const r = validateSurvey(casesBytes, partBytes, ref, 'survey');
    if (!r.ok) throw new Error(JSON.stringify(r.problems, null, 1));
    return r.survey;
  };
  const t = fixtureText({ cases: [baseCase('K1', { 担当部署: 'デジタル推進課～窓口①' }), baseCase('K2')] });
  it('reads UTF-8 without BOM, with BOM, CRLF, and Shift_JIS identically', () => {
    const plain = ok(utf8(t.cases), utf8(t.participation));
    expect(ok(withBom(utf8(crlf(t.cases))), withBom(utf8(t.participation)))).toEqual(plain);
    expect(ok(shiftJis(crlf(t.cases)), shiftJis(crlf(t.participation)))).toEqual(plain);
    expect(plain.cases[0]?.fields['department']?.value).toBe('デジタル推進課～窓口①');
  });
  it('normalises full-width digits and dash variants in bands, full-width counts, ✕ and 5-digit codes', () => {
    const variant = fixtureText({
      cases: [baseCase('K1', { 年間運用費用規模: '３千万〜５千万', 初期費用規模: '５百万－１千万', 参加自治体数: '２', 仕様書: '✕' }), baseCase('K2', { 年間運用費用規模: '3千万ー5千万', 事業者選定方法: '随意契約(プロポーザル方式［企画競争］)' })],
      participation: [['K1', '14100'], ['K1', '１４１３０５'], ...BASE_PARTICIPATION.slice(2)],
    });
    const s = ok(utf8(variant.cases), utf8(variant.participation));
    expect(s.cases[0]?.fields['annual_cost_band']).toEqual({ state: 'answered', value: 4 });
    expect(s.cases[0]?.fields['initial_cost_band']).toEqual({ state: 'answered', value: 2 });
    expect(s.cases[0]?.fields['participant_count']).toEqual({ state: 'answered', value: 2 });
    expect(s.cases[0]?.fields['doc_spec']).toEqual({ state: 'withheld', value: null });
    expect(s.cases[1]?.fields['annual_cost_band']?.value).toBe(4);
    expect(s.cases[1]?.fields['selection_method']?.value).toBe('随意契約（プロポーザル方式[企画競争]）');
    expect(s.participation.slice(0, 2).map((p) => p.lgCode)).toEqual(['141003', '141305']);
  });
  it('keeps ×, - and blank as three states', () => {
    const s = ok(utf8(fixtureText({ cases: [baseCase('K1', { 都道府県の負担: '×', 補助金の有無: '-', システム環境種別: '' }), baseCase('K2')] }).cases), utf8(t.participation));
    const f = s.cases[0]?.fields ?? {};
    expect([f['pref_burden']?.state, f['subsidy']?.state, f['environment']?.state]).toEqual(['withheld', 'unknown', 'blank']);
  });
  it('defaults provenance to the import value when 出典 is absent', () => {
    const noProv = fixtureText({ caseHeaders: headers.filter((h) => h !== '出典' && h !== '合成項目') });
    const s = ok(utf8(noProv.cases), utf8(noProv.participation));
    expect(s.cases.map((c) => c.provenance)).toEqual(['survey', 'survey']);
    expect(s.participation.every((p) => p.provenance === 'survey')).toBe(true);
  });
});
