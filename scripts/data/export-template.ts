/** Node adapter: write the template CSV (template-csv.ts) into a directory. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Reference } from './reference-data.js';
import type { Survey } from './survey-record.js';
import { emptyTemplateCsv, surveyToCsv } from './template-csv.js';

export { surveyToCsv };

function writePair(dir: string, csv: { cases: string; participation: string }): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'cases.csv'), csv.cases);
  writeFileSync(join(dir, 'participation.csv'), csv.participation);
}

export function writeSurveyTemplate(survey: Survey, ref: Reference, dir: string): void {
  writePair(dir, surveyToCsv(survey, ref));
}

/** The empty template: headers only. */
export function writeEmptyTemplate(dir: string): void {
  writePair(dir, emptyTemplateCsv());
}
