import { describe, expect, it } from 'vitest';
import { decodeSurveyBytes } from './decode.js';
import { shiftJis, utf8, withBom } from './test-support/survey-fixture.js';

describe('decodeSurveyBytes', () => {
  const text = '事例ID,都道府県名\nC1,神奈川県～①\n';
  it('reads UTF-8, UTF-8 with BOM and Shift_JIS', () => {
    expect(decodeSurveyBytes(utf8(text))).toEqual({ ok: true, text, encoding: 'utf-8' });
    expect(decodeSurveyBytes(withBom(utf8(text)))).toEqual({ ok: true, text, encoding: 'utf-8-bom' });
    expect(decodeSurveyBytes(shiftJis(text))).toEqual({ ok: true, text, encoding: 'shift_jis' });
  });
  it('rejects empty, UTF-16 (with or without BOM) and undecodable bytes', () => {
    expect(decodeSurveyBytes(new Uint8Array())).toEqual({ ok: false, reason: 'empty' });
    expect(decodeSurveyBytes(new Uint8Array([0xff, 0xfe, 0x41, 0x00]))).toEqual({ ok: false, reason: 'utf16' });
    expect(decodeSurveyBytes(new Uint8Array([0x41, 0x00, 0x2c, 0x00, 0x42, 0x00]))).toEqual({ ok: false, reason: 'utf16' });
    expect(decodeSurveyBytes(new Uint8Array([0x82, 0xff]))).toEqual({ ok: false, reason: 'encoding' });
  });
  const rows = ['事例ID,サービス名,部門', 'C1,"複数行の\nセル",総務部門', 'C2,電子申請,事業部門', 'C3,施設予約,ツール'];
  it('names the first row that breaks a UTF-8 file (rows with line breaks count once)', () => {
    const bytes = new Uint8Array([...utf8(`${rows[0]}\n${rows[1]}\n`), ...shiftJis(`${rows[2]}\n`), ...utf8(`${rows[3]}\n`)]);
    expect(decodeSurveyBytes(bytes)).toEqual({ ok: false, reason: 'mixed', as: 'UTF-8', row: 3 });
  });
  it('names the first row that breaks a Shift_JIS file', () => {
    const bytes = new Uint8Array([...shiftJis(`${rows[0]}\n${rows[1]}\n${rows[2]}\n`), ...utf8(`${rows[3]}\n`)]);
    expect(decodeSurveyBytes(bytes)).toMatchObject({ ok: false, reason: 'mixed', as: 'Shift_JIS', row: 4 });
  });
});
