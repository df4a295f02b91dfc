import { describe, expect, it } from 'vitest';
import { decodeSurveyBytes } from './decode.js';
import { mulberry32 } from './prng.js';
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

describe('a file that is not text', () => {
  /** Seeded uniform bytes, as a corrupt or unrelated file has. */
  const randomBytes = (seed: number, n: number) => {
    const rng = mulberry32(seed);
    return Uint8Array.from({ length: n }, () => rng.int(0, 255));
  };
  it('random bytes are named as not text, never as a mix of encodings (100 seeds, 256 B – 64 KB)', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const n = 256 + ((seed * 7919) % 65280);
      expect(decodeSurveyBytes(randomBytes(seed, n)), `seed ${seed}, ${n} bytes`).toEqual({ ok: false, reason: 'binary', kind: 'other' });
    }
  });
  it('an Excel workbook (.xlsx, .xls) or a Parquet file picked as the CSV is named as what it is', () => {
    const tail = randomBytes(7, 500);
    expect(decodeSurveyBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...tail]))).toEqual({ ok: false, reason: 'binary', kind: 'zip' });
    expect(decodeSurveyBytes(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...tail]))).toEqual({ ok: false, reason: 'binary', kind: 'xls' });
    expect(decodeSurveyBytes(new Uint8Array([0x50, 0x41, 0x52, 0x31, ...tail]))).toEqual({ ok: false, reason: 'binary', kind: 'parquet' });
  });
  it('text with a stray control character or two is still text (the cell is reported by the CSV reader)', () => {
    const text = `事例ID,備考\n${Array.from({ length: 50 }, (_, i) => `C${i},メモ${i === 7 ? '\u000b' : ''}`).join('\n')}\n`;
    expect(decodeSurveyBytes(utf8(text))).toEqual({ ok: true, text, encoding: 'utf-8' });
    expect(decodeSurveyBytes(shiftJis(text))).toEqual({ ok: true, text, encoding: 'shift_jis' });
  });
});
