/**
 * The validator in a Web Worker, so the tab never freezes on a large file: the
 * same core as `npm run data` (scripts/data/survey-core.ts). Nothing leaves the
 * browser: the files arrive as bytes from the page and only results go back.
 */
import prefectures from '../../../data/reference/prefectures.csv?raw';
import municipalities from '../../../data/reference/municipalities.csv?raw';
import { allRows, parseReference, processSurvey, surveyToCsv, SOURCE_NOTE, type SurveyResult } from './worker-core';
import { surveyParquetFiles } from './survey-parquet';
import { validateParquetFiles } from './parquet-values';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

const ref = parseReference({ prefectures, municipalities });
let last: SurveyResult | null = null;

function reply(msg: WorkerReply, transfer: Transferable[] = []): void {
  (self as unknown as Worker).postMessage(msg, transfer);
}

self.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  const req = e.data;
  try {
    if (req.type === 'validate') {
      const started = performance.now();
      last = null;
      const result = processSurvey({ cases: req.cases && new Uint8Array(req.cases), participation: req.participation && new Uint8Array(req.participation) }, ref, {
        onProgress: (p) => reply({ type: 'progress', ...p }),
      });
      last = result;
      const ms = Math.round(performance.now() - started);
      if (!result.ok) reply({ type: 'invalid', problems: result.problems, ms });
      else reply({ type: 'valid', ms, cases: result.tables.case.count, participation: result.tables.participation.count });
    } else if (req.type === 'validate-parquet') {
      const started = performance.now();
      last = null;
      const result = await validateParquetFiles(Object.fromEntries(req.files.map((f) => [f.name, new Uint8Array(f.bytes)])), ref);
      const ms = Math.round(performance.now() - started);
      if (!result.ok) reply({ type: 'invalid', problems: result.problems, ms });
      else {
        last = { ok: true, survey: result.survey, tables: result.tables };
        reply({ type: 'valid', ms, cases: result.tables.case.count, participation: result.tables.participation.count });
      }
    } else if (req.type === 'export') {
      if (!last?.ok) throw new Error('検証に成功したデータがありません');
      const csv = surveyToCsv(last.survey, ref);
      // The as-of date the user gave goes into dataset.parquet too (the template has no date column).
      const [row] = allRows(last.tables.dataset);
      const tables = { ...last.tables, dataset: { count: 1, rows: () => [[req.asOf, ...row!.slice(1)]] } };
      const parquet = await surveyParquetFiles(tables, { as_of: req.asOf, source: SOURCE_NOTE, built_from: 'import', generator: 'kyodo-chotatsu-dashboard /own-data' });
      reply({ type: 'files', files: [...parquet, { name: 'cases.csv', bytes: new TextEncoder().encode(csv.cases) }, { name: 'participation.csv', bytes: new TextEncoder().encode(csv.participation) }] }, parquet.map((f) => f.bytes.buffer));
    }
  } catch (err) {
    reply({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
