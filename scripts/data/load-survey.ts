/**
 * Node adapter: read a survey directory (cases.csv + participation.csv) and run
 * the validator on its bytes. Everything else lives in validate-survey.ts, which
 * the browser runs too.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Reference } from './reference-data.js';
import type { Provenance } from './template-columns.js';
import { CASES_FILE, PARTICIPATION_FILE, validateSurvey, type LoadResult } from './validate-survey.js';

export { CASES_FILE, PARTICIPATION_FILE, validateSurvey, type LoadResult };

function readBytes(path: string): Uint8Array | null {
  return existsSync(path) ? new Uint8Array(readFileSync(path)) : null;
}

export function loadSurvey(dir: string, ref: Reference, defaultProvenance: Provenance): LoadResult {
  // Read each file only when the validator gets to it, so the first one's bytes can be freed.
  return validateSurvey(() => readBytes(join(dir, CASES_FILE)), () => readBytes(join(dir, PARTICIPATION_FILE)), ref, defaultProvenance);
}
