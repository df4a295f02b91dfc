/**
 * The dashboard's legend gives three non-answers that must never collapse into
 * one NULL: × 非掲載希望, - 不明, blank 未回答・回答対象外.
 */
import { normalizeSymbol } from './normalize.js';

export const ANSWER_STATES = ['answered', 'withheld', 'unknown', 'blank'] as const;
export type AnswerState = (typeof ANSWER_STATES)[number];

export type Answer<T> = { state: 'answered'; value: T } | { state: Exclude<AnswerState, 'answered'>; value: null };

export function classifyCell(cell: string): AnswerState {
  const s = normalizeSymbol(cell);
  if (s === '') return 'blank';
  if (s === '×') return 'withheld';
  if (s === '-') return 'unknown';
  return 'answered';
}

export function stateSymbol(state: Exclude<AnswerState, 'answered'>): string {
  return state === 'withheld' ? '×' : state === 'unknown' ? '-' : '';
}
