/** Node adapter: read data/reference/*.csv and parse them (reference-data.ts). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReference, type Reference } from './reference-data.js';

export function loadReference(dir: string): Reference {
  return parseReference({
    prefectures: readFileSync(join(dir, 'prefectures.csv'), 'utf8'),
    municipalities: readFileSync(join(dir, 'municipalities.csv'), 'utf8'),
  });
}
