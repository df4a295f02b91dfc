/**
 * The generator is deterministic and the committed data/survey files are its
 * exact output (so nobody hand-edits them out of sync with the script).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { surveyToCsv } from '../export-template.js';
import { validateSurvey } from '../validate-survey.js';
import { loadReference } from '../load-reference.js';
import { generateSurvey } from './generate.js';

const ref = loadReference('data/reference');

describe('generateSurvey', () => {
  it('is byte-identical across runs and equals the committed CSV', () => {
    const a = surveyToCsv(generateSurvey(ref), ref);
    const b = surveyToCsv(generateSurvey(ref), ref);
    expect(a).toEqual(b);
    expect(a.cases).toBe(readFileSync('data/survey/cases.csv', 'utf8'));
    expect(a.participation).toBe(readFileSync('data/survey/participation.csv', 'utf8'));
  });
  it('changes with the seed (the seed really drives the synthetic parts)', () => {
    expect(surveyToCsv(generateSurvey(ref, 1), ref).cases).not.toBe(surveyToCsv(generateSurvey(ref), ref).cases);
  });
  it.each([1, 2, 3])('produces a valid 245-case survey for other seeds too (seed %i): constraints do not depend on luck', (seed) => {
    const csv = surveyToCsv(generateSurvey(ref, seed), ref);
    const enc = new TextEncoder();
    const r = validateSurvey(enc.encode(csv.cases), enc.encode(csv.participation), ref, 'survey');
    expect(r.ok && r.survey.cases.length).toBe(245);
  });
});
