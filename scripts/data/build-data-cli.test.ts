/**
 * `scripts/build-data.ts` end to end: a bad import exits non-zero and leaves the
 * previous Parquet untouched; a good import (the bundled data exported to the
 * template, saved as Shift_JIS + CRLF the way Excel does) rebuilds Parquet with
 * exactly the same content: the round trip.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { surveyToCsv } from './export-template.js';
import { loadSurvey } from './load-survey.js';
import { loadReference } from './load-reference.js';
import { buildDataset, openParquetDir, type BuiltDataset } from './test-support/built-dataset.js';
import { crlf, shiftJis } from './test-support/survey-fixture.js';
import { TABLE_SCHEMAS } from './write-parquet.js';

const ref = loadReference('data/reference');
const work = mkdtempSync(join(tmpdir(), 'kyodo-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function buildData(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-data.ts', ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f)).toString('base64')]));
}

describe('build-data CLI', () => {
  const out = join(work, 'static-data');
  beforeAll(() => {
    const r = buildData('--out', out);
    expect(r.status, r.stderr).toBe(0);
    writeFileSync(join(out, '.keep'), 'not ours');
  }, 60_000);

  it('rejects a bad import with every problem and leaves the previous files untouched', () => {
    const before = snapshot(out);
    const bad = join(work, 'bad');
    mkdirSync(bad);
    const csv = readFileSync('data/survey/cases.csv', 'utf8').replace('2015-04', '2031').replace(',事業部門,施設予約システム,', ',事業部,施設予約システム,');
    writeFileSync(join(bad, 'cases.csv'), csv);
    cpSync('data/survey/participation.csv', join(bad, 'participation.csv'));
    const r = buildData('--input', bad, '--out', out);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('導入年が範囲外です');
    expect(r.stderr).toContain('start year out of range');
    expect(r.stderr).toContain('不明な部門です');
    expect(r.stderr).toMatch(/cases\.csv:\d+ \[導入時期\] 値\/value="2031"/);
    expect(snapshot(out)).toEqual(before);
    // No staging directory is left behind.
    expect(readdirSync(work).filter((f) => f.includes('staging'))).toEqual([]);
  });

  it('prints the whole problem list through a pipe (6,000+ lines) and then the closing line, exit code 1', () => {
    const before = snapshot(out);
    const dir = join(work, 'many');
    mkdirSync(dir);
    cpSync('data/survey/cases.csv', join(dir, 'cases.csv'));
    const rows = Array.from({ length: 6100 }, (_, i) => `C0001,bad${i}`);
    writeFileSync(join(dir, 'participation.csv'), ['事例ID,団体コード', ...rows].join('\n'));
    const cmd = `${JSON.stringify(process.execPath)} --import tsx scripts/build-data.ts --input ${JSON.stringify(dir)} --out ${JSON.stringify(out)} 2>&1 | cat`;
    const r = spawnSync('bash', ['-o', 'pipefail', '-c', cmd], { encoding: 'utf8', maxBuffer: 64 << 20 });
    const lines = r.stdout.trimEnd().split('\n');
    const problems = lines.filter((l) => l.startsWith('  participation.csv:'));
    expect(problems.length).toBeGreaterThanOrEqual(6100);
    expect(problems.at(-1)).toContain('bad6099');
    expect(lines.at(-1)).toBe(`出力は変更していません / ${out} left unchanged.`);
    // pipefail: the pipeline's status is the importer's.
    expect(r.status).toBe(1);
    expect(snapshot(out)).toEqual(before);
  }, 60_000);

  it('echoes only the start of a 300 KB header name and says how long it was', () => {
    const dir = join(work, 'long-header');
    mkdirSync(dir);
    const [head, ...rest] = readFileSync('data/survey/cases.csv', 'utf8').split('\n');
    const long = '長'.repeat(300_000);
    writeFileSync(join(dir, 'cases.csv'), [`${head},${long}`, ...rest.map((l) => (l === '' ? l : `${l},`))].join('\n'));
    cpSync('data/survey/participation.csv', join(dir, 'participation.csv'));
    const r = buildData('--input', dir, '--out', join(work, 'unused'));
    expect(r.status).toBe(1);
    expect(r.stderr.length).toBeLessThan(2000);
    expect(r.stderr).toContain('全300,000文字 / 300,000 chars');
  });

  it('round-trips: template export → Shift_JIS/CRLF import → identical Parquet content', async () => {
    const loaded = loadSurvey('data/survey', ref, 'survey');
    if (!loaded.ok) throw new Error('bundled survey invalid');
    const csv = surveyToCsv(loaded.survey, ref);
    // The export is exactly the committed files: the bundled data are in template form.
    expect(csv.cases).toBe(readFileSync('data/survey/cases.csv', 'utf8'));
    const dir = join(work, 'import');
    mkdirSync(dir);
    writeFileSync(join(dir, 'cases.csv'), shiftJis(crlf(csv.cases)));
    writeFileSync(join(dir, 'participation.csv'), shiftJis(crlf(csv.participation)));
    const importedOut = join(work, 'imported');
    const writeBack = join(work, 'write-back');
    const r = buildData('--input', dir, '--out', importedOut, '--write-back', '--survey', writeBack);
    expect(r.status, r.stderr).toBe(0);
    // --write-back stores the import in normalised template form (UTF-8, LF): here identical to the bundled files.
    expect(readFileSync(join(writeBack, 'cases.csv'), 'utf8')).toBe(csv.cases);
    expect(readFileSync(join(writeBack, 'participation.csv'), 'utf8')).toBe(csv.participation);

    let a: BuiltDataset | undefined;
    let b: BuiltDataset | undefined;
    try {
      a = await buildDataset();
      b = await openParquetDir(importedOut, ref, false);
      for (const table of Object.keys(TABLE_SCHEMAS)) {
        const sql = table === 'dataset' ? 'SELECT * EXCLUDE (built_from) FROM dataset' : `SELECT * FROM "${table}" ORDER BY ALL`;
        expect(await b.query(sql), table).toEqual(await a.query(sql));
      }
      expect(await b.query('SELECT built_from FROM dataset')).toEqual([{ built_from: 'import' }]);
    } finally {
      a?.close();
      b?.close();
    }
  }, 60_000);
});
