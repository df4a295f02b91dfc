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
  it('rejects empty, UTF-16 and undecodable bytes', () => {
    expect(decodeSurveyBytes(new Uint8Array())).toEqual({ ok: false, reason: 'empty' });
    expect(decodeSurveyBytes(new Uint8Array([0xff, 0xfe, 0x41, 0x00]))).toEqual({ ok: false, reason: 'encoding' });
    expect(decodeSurveyBytes(new Uint8Array([0x82, 0xff]))).toEqual({ ok: false, reason: 'encoding' });
  });
});
