import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkParquet, SURVEY_FILES } from './parquet-input';
import { dataset } from '$model/dataset';

// Written by `npm run data` (it runs before the tests).
const read = (file: string) => ({ name: file, bytes: new Uint8Array(readFileSync(`static/data/${file}`)) });
const all = dataset.tables.map((t) => read(t.file));

describe('checkParquet', () => {
  it('accepts the files the build wrote, with counts and the as-of date from dataset.parquet', async () => {
    const r = await checkParquet(all);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Object.keys(r.files).sort()).toEqual(dataset.tables.map((t) => t.file).sort());
    expect(r.asOf).toBe('2024-01-31');
    expect(r.cases).toBe(245);
    expect(r.participation).toBe(6057);
  });
  it('accepts the survey files alone (reference tables come from the site)', async () => {
    const r = await checkParquet(SURVEY_FILES.map(read));
    expect(r.ok && Object.keys(r.files).sort()).toEqual([...SURVEY_FILES].sort());
  });
  it('names each missing survey file, an unknown name, a file with other columns and a corrupt file', async () => {
    const r = await checkParquet([
      read('case.parquet'),
      { name: 'participation.parquet', bytes: read('municipality.parquet').bytes },
      { name: 'notes.parquet', bytes: read('system.parquet').bytes },
      { name: 'dataset.parquet', bytes: read('dataset.parquet').bytes.slice(0, 100) }
    ]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const text = r.problems.join('\n');
    expect(text).toContain('participation.parquet: 列がテンプレートと違います');
    expect(text).toContain('notes.parquet: ダッシュボードのデータファイルの名前ではありません');
    expect(text).toContain('dataset.parquet: Parquet として読み取れません');
    expect(text).toContain('case_subsidy.parquet がありません');
    expect(text).toContain('case_cost_basis.parquet がありません');
    expect(text).not.toContain('case.parquet がありません');
    expect(text).not.toContain('participation.parquet がありません');
  });
});
