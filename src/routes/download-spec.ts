import { version } from '../../package.json';
import { AS_OF } from '$model/dataset';
import { model } from '$model/kyodo-model';
import { engineState } from '$lib/db/engine-state.svelte';
import { formatAsOf } from '$lib/db/local-data';
import type { Clause } from '$lib/filter/clause';
import { fieldLabel } from '$lib/model/labels';
import { compileRows } from '$lib/query/compile';
import { startEngine } from './start-engine';
import type { DownloadRequest, DownloadSource } from '$lib/export/download-source';

/** Prefix of every file this site writes; the rest says what the file holds. */
export const FILE_PREFIX = 'kyodo-chotatsu';

const SOURCE =
  '都道府県を中心とした自治体システムの共同調達に関するダッシュボード（デジタル庁・総務省、2024年1月31日時点）の公開資料を基に再構成。公開資料にない項目は合成データ（provenance / synthetic_fields 列）。';
const LICENSE =
  '公開資料の数値・文言: 出典を記載して利用（公共データ利用規約 第1.0版 / PDL1.0 に準拠）。市区町村: 「国土数値情報（行政区域データ）」（国土交通省）を加工して作成（CC BY 4.0）。人口: 令和2年国勢調査（総務省統計局）。合成データとコード: MIT。';

const LOCAL_SOURCE = '利用者がこのブラウザーで読み込んだ自分のデータ（公開されている共同調達調査のデータではありません）';

/** Key-value metadata written into every Parquet footer (the console's exports too). */
export function fileMetadata(describeFilters: string, pageUrl: string): Record<string, string> {
  const local = engineState.local?.label;
  // The user's own data: say so, never the published survey's source and licence.
  const source = local ? `${LOCAL_SOURCE}（${local.files.join('、')}）` : SOURCE;
  const license = local ? 'データの権利は提供元に従う（このファイルは公開調査のデータではありません）' : LICENSE;
  return { as_of: local?.asOf ?? AS_OF, filters: describeFilters, page_url: pageUrl, source, license, app_version: `kyodo-chotatsu-dashboard ${version}`, data: local ? 'local' : 'published' };
}

/** Starts (or reuses) the dashboard's engine: a download may be asked for before any chart loaded it. */
export async function dashboardEngine() {
  await startEngine();
  if (!engineState.raw) throw new Error(engineState.error ?? '分析エンジンを起動できませんでした');
  return engineState.raw;
}

const CASE_COLUMNS = [
  ...model.tables.find((t) => t.name === 'cases')!.columns.filter((c) => c.name !== 'start_display').map((c) => `cases.${c.name}`),
  'system.division',
  'system.system_name',
  'prefecture.prefecture_name'
];
const PARTICIPATION_COLUMNS = ['participation.case_id', 'participation.lg_code', 'municipality.prefecture_code', 'municipality.display_name', 'participation.provenance'];

/**
 * A municipality filter (自治体を選択, a map click) keeps the cases the municipality takes
 * part in, and of their participation rows only the chosen municipalities' — the same rows
 * 参加市区町村数 counts (README "Cross-filtering").
 */
export const PARTICIPATION_NOTE =
  '絞り込み条件に合う事例の参加市区町村（1行1参加）。市区町村で絞り込んでいるときは、選んだ市区町村の参加行だけです（ページの「参加市区町村数」と同じ数え方）。';

function sql(from: string, columns: string[], filters: readonly Clause[], order: string): string {
  // Participation rows are those of the filtered cases: the case filters go through the
  // model's participation → cases relationship (a join), exactly as the pages count them.
  const compiled = compileRows(model, { from, columns, filters, orderBy: [{ key: order }] });
  if (!compiled.ok) throw new Error(compiled.error);
  return compiled.sql;
}

/** The dialog's line for no filters; otherwise the filter bar's texts joined. */
export const NO_FILTERS = '絞り込みなし（全件）';

/** Why the files wait while a filter's name is unknown (the bar says 名称を確認中, or the code if no name can come). */
export const NAMES_PENDING = '絞り込みの名称をデータで確認しています。確認が済むとダウンロードできます。';
export const NAMES_FAILED = '絞り込みの名称を確認できないため、ダウンロードできません。';

/**
 * What the layout's 「データをダウンロード」 offers: the page's effective filter context and
 * the filter bar's texts for it (current-page.svelte.ts), so the rows, the dialog, the
 * Parquet metadata and the file name say what the page shows. While a value in those texts
 * has no name yet (a municipality looked up once the engine is ready), nothing is written:
 * the request says why, and is asked again as the page's texts change.
 */
export function downloadRequest(filters: readonly Clause[], chips: readonly string[], url: URL, unnamed = false): DownloadRequest {
  const describeFilters = chips.length ? chips.join(' / ') : NO_FILTERS;
  const parts = chips.map((t) => t.slice(t.indexOf(': ') + 2));
  const stem = [FILE_PREFIX, parts.length ? parts.join('_').replace(/（[^）]*）/g, '').slice(0, 60) : '全件'];
  const label = (alias: string, columns: string[]) => fieldLabel(model, columns.find((c) => c.endsWith(`.${alias}`)) ?? alias);
  const sources: DownloadSource[] = [
    { name: '事例', description: '絞り込み条件に合う事例（1行1事例）', sql: sql('cases', CASE_COLUMNS, filters, 'case_id'), label: (a) => label(a, CASE_COLUMNS) },
    {
      name: '参加自治体',
      description: PARTICIPATION_NOTE,
      sql: sql('participation', PARTICIPATION_COLUMNS, filters, 'case_id'),
      label: (a) => (a === 'display_name' ? '参加市区町村名' : label(a, PARTICIPATION_COLUMNS))
    }
  ];
  const asOf = engineState.local?.label.asOf ?? AS_OF;
  // `unnamed`: a value in `chips` has no name yet (current-page.svelte.ts): their words are not final.
  const waiting = unnamed ? (engineState.error === null ? NAMES_PENDING : NAMES_FAILED) : undefined;
  return { sources, describeFilters, ...(waiting ? { waiting } : {}), fileStem: engineState.local ? [...stem, '自分のデータ'] : stem, asOf, asOfLabel: formatAsOf(asOf), metadata: fileMetadata(describeFilters, url.href), engine: dashboardEngine };
}
