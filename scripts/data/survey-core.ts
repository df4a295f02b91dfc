/**
 * The survey core, one implementation for the build and the browser: bytes of
 * cases.csv + participation.csv (+ the reference tables' text) → normalised
 * tables and problems, as data. It imports nothing from node: and touches no
 * file, so it runs in Node, in a browser and in a Web Worker alike
 * (survey-core.isomorphic.test.ts proves it by bundling it for the browser and
 * running it in Chromium). Node-only parts are thin adapters: load-survey.ts,
 * load-reference.ts (read files), write-parquet.ts (@duckdb/node-api),
 * export-template.ts (write CSV), build-data.ts (CLI).
 */
import { buildTables, type BuiltFrom, type Tables } from './build-tables.js';
import type { Problem } from './problems.js';
import type { Reference } from './reference-data.js';
import type { Survey } from './survey-record.js';
import type { Provenance } from './template-columns.js';
import { validateSurvey, type ProgressListener, type SurveySource } from './validate-survey.js';

export { allRows, buildTables, type BuiltFrom, type Row, type RowSet, type Tables } from './build-tables.js';
export { TABLE_SCHEMAS, type SqlType, type TableSchema } from './parquet-schema.js';
export { formatProblem, visible, type Problem, type ProblemCode } from './problems.js';
export { parseReference, type Reference, type ReferenceText } from './reference-data.js';
export { emptyTemplateCsv, surveyToCsv } from './template-csv.js';
export { CASES_FILE, PARTICIPATION_FILE, validateSurvey, type LoadResult, type ProgressListener, type SurveySource } from './validate-survey.js';

export type SurveyResult = { ok: true; survey: Survey; tables: Tables } | { ok: false; problems: Problem[] };

export interface SurveyInput {
  cases: SurveySource;
  participation: SurveySource;
}

/** Validate and normalise: the tables are what `npm run data` writes to Parquet. */
export function processSurvey(
  input: SurveyInput,
  ref: Reference,
  options: { provenance?: Provenance; builtFrom?: BuiltFrom; onProgress?: ProgressListener } = {},
): SurveyResult {
  const result = validateSurvey(input.cases, input.participation, ref, options.provenance ?? 'survey', options.onProgress);
  if (!result.ok) return result;
  return { ok: true, survey: result.survey, tables: buildTables(ref, result.survey, options.builtFrom ?? 'import') };
}
