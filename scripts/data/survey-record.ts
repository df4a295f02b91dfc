/**
 * The validated, typed form of one survey case, between CSV and Parquet.
 * Answers keep their state next to the value so the three non-answers survive.
 */
import type { AnswerState } from './answer-state.js';
import type { Provenance } from './template-columns.js';

export interface FieldAnswer {
  state: AnswerState;
  /** string for text/enum, number for int/band order; null unless answered. */
  value: string | number | null;
}

export interface MultiAnswer {
  state: AnswerState;
  values: string[];
}

export interface StartAnswer {
  state: AnswerState;
  year: number | null;
  month: number | null;
}

export interface CaseRecord {
  caseId: string;
  provenance: Provenance;
  /** Parquet column base names that are synthetic in a published row. */
  syntheticFields: string[];
  systemId: string;
  prefectureCode: string;
  start: StartAnswer;
  /** Keyed by template column key (service_name, environment, initial_cost_band, …). */
  fields: Record<string, FieldAnswer>;
  subsidyNames: MultiAnswer;
  costBasis: MultiAnswer;
  /** Line in the source file, for cross-file error messages. */
  line: number;
}

export interface ParticipationRecord {
  caseId: string;
  lgCode: string;
  provenance: Provenance;
  line: number;
}

export interface Survey {
  cases: CaseRecord[];
  participation: ParticipationRecord[];
}
