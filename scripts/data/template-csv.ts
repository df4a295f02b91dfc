/**
 * Typed survey → template CSV text (cases.csv, participation.csv). Used by the
 * generator, by `--write-back`, by the browser's export and by the round-trip
 * test, so the bundled files are always exactly what an import would produce.
 * Pure; writing the files is export-template.ts.
 */
import { stateSymbol } from './answer-state.js';
import { COST_BANDS } from './cost-bands.js';
import { stringifyCsv } from './csv.js';
import type { Reference } from './reference-data.js';
import type { CaseRecord, FieldAnswer, Survey } from './survey-record.js';
import { SYSTEMS } from './systems.js';
import { CASE_COLUMNS, PARTICIPATION_COLUMNS, PROVENANCE_TO_LABEL } from './template-columns.js';

function answerText(a: FieldAnswer | undefined, band: boolean): string {
  if (!a) return '';
  if (a.state !== 'answered') return stateSymbol(a.state);
  return band ? (COST_BANDS[Number(a.value)] ?? '') : String(a.value);
}

function caseCells(c: CaseRecord, ref: Reference): string[] {
  const system = SYSTEMS.find((s) => s.id === c.systemId);
  const pref = ref.prefByCode.get(c.prefectureCode);
  return CASE_COLUMNS.map((col) => {
    switch (col.kind.type) {
      case 'id':
        return c.caseId;
      case 'division':
        return system?.division ?? '';
      case 'system':
        return system?.name ?? '';
      case 'prefCode':
        return c.prefectureCode;
      case 'prefName':
        return pref?.name ?? '';
      case 'start':
        if (c.start.state !== 'answered') return stateSymbol(c.start.state);
        return c.start.month === null ? String(c.start.year) : `${c.start.year}-${String(c.start.month).padStart(2, '0')}`;
      case 'multiText':
        return c.subsidyNames.state === 'answered' ? c.subsidyNames.values.join(',') : stateSymbol(c.subsidyNames.state);
      case 'multiEnum':
        return c.costBasis.state === 'answered' ? c.costBasis.values.join(',') : stateSymbol(c.costBasis.state);
      case 'provenance':
        return PROVENANCE_TO_LABEL[c.provenance];
      case 'syntheticFields':
        return c.syntheticFields.map((k) => CASE_COLUMNS.find((x) => x.key === k)?.header ?? k).join(',');
      default:
        return answerText(c.fields[col.key], col.kind.type === 'band');
    }
  });
}

export function surveyToCsv(survey: Survey, ref: Reference): { cases: string; participation: string } {
  return {
    cases: stringifyCsv(
      CASE_COLUMNS.map((c) => c.header),
      survey.cases.map((c) => caseCells(c, ref)),
    ),
    participation: stringifyCsv(
      PARTICIPATION_COLUMNS.map((c) => c.header),
      survey.participation.map((p) => [p.caseId, p.lgCode, PROVENANCE_TO_LABEL[p.provenance]]),
    ),
  };
}

/** The empty template: headers only. */
export function emptyTemplateCsv(): { cases: string; participation: string } {
  return {
    cases: stringifyCsv(CASE_COLUMNS.map((c) => c.header), []),
    participation: stringifyCsv(PARTICIPATION_COLUMNS.map((c) => c.header), []),
  };
}
