/**
 * Parquet input on /own-data: the files `npm run data` writes to static/data, or that this
 * page's export saved. First their shape is checked here (known file names, the survey's
 * files all present, exactly the build's columns, counts that agree with dataset.parquet);
 * then every value goes through the same validator as a CSV, in the page's worker
 * (parquet-values.ts). Errors as data, in Japanese and English.
 */
import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { TABLE_SCHEMAS } from '../../../scripts/data/parquet-schema.js';

/** The files that make up a survey; the reference tables (prefectures, municipalities…) may come from the site. */
export const SURVEY_FILES = ['case', 'participation', 'case_subsidy', 'case_cost_basis', 'dataset'].map((t) => `${t}.parquet`);

export type ParquetCheck =
  | { ok: true; files: Record<string, Uint8Array>; cases: number; participation: number; asOf: string | null }
  | { ok: false; problems: string[] };

const baseName = (name: string) => name.replace(/^.*[\\/]/, '').toLowerCase();

export async function checkParquet(input: { name: string; bytes: Uint8Array }[]): Promise<ParquetCheck> {
  const problems: string[] = [];
  const files: Record<string, Uint8Array> = {};
  const rows: Record<string, number> = {};
  for (const f of input) {
    const name = baseName(f.name);
    const table = name.replace(/\.parquet$/, '') as keyof typeof TABLE_SCHEMAS;
    const schema = TABLE_SCHEMAS[table];
    if (!schema) {
      problems.push(`${f.name}: ダッシュボードのデータファイルの名前ではありません（${Object.keys(TABLE_SCHEMAS).join('、')}.parquet のいずれか） / not a dashboard data file`);
      continue;
    }
    const buffer = f.bytes.slice().buffer;
    let columns: string[];
    try {
      const meta = parquetMetadata(buffer);
      columns = parquetSchema(meta).children.map((c) => c.element.name);
      rows[name] = Number(meta.num_rows);
    } catch (e) {
      problems.push(`${f.name}: Parquet として読み取れません（壊れているか、途中までしかありません） / unreadable Parquet: ${e instanceof Error ? e.message : String(e)}`);
      continue;
    }
    const expected = schema.map(([c]) => c);
    if (columns.join(',') !== expected.join(',')) {
      const missing = expected.filter((c) => !columns.includes(c));
      const extra = columns.filter((c) => !expected.includes(c));
      problems.push(`${f.name}: 列がテンプレートと違います（不足: ${missing.join('、') || 'なし'}、余分: ${extra.join('、') || 'なし'}） / columns differ from the build's`);
      continue;
    }
    files[name] = f.bytes;
  }
  for (const need of SURVEY_FILES) if (!(need in files) && !problems.some((p) => baseName(p.split(':')[0]!) === need)) problems.push(`${need} がありません（${SURVEY_FILES.join('、')} の5つが必要です） / ${need} is missing`);
  if (problems.length) return { ok: false, problems };
  const [dataset] = await parquetReadObjects({ file: files['dataset.parquet']!.slice().buffer, compressors });
  const declared = Number(dataset?.case_count);
  if (declared !== rows['case.parquet']) problems.push(`dataset.parquet の事例数 ${declared} と case.parquet の行数 ${rows['case.parquet']} が一致しません / case_count disagrees with case.parquet`);
  if (problems.length) return { ok: false, problems };
  return { ok: true, files, cases: rows['case.parquet']!, participation: rows['participation.parquet']!, asOf: isoDate(dataset?.as_of) };
}

function isoDate(v: unknown): string | null {
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v)) return v.slice(0, 10);
  if (typeof v === 'number') return new Date(v * 86_400_000).toISOString().slice(0, 10);
  return null;
}
