/** Messages between the /own-data page and its validation worker (plain data only). */
import type { Problem } from '../../../scripts/data/survey-core.js';

export type WorkerRequest =
  | { type: 'validate'; cases: ArrayBuffer | null; participation: ArrayBuffer | null }
  /** Parquet files whose shape parquet-input.ts accepted: their values, by the same validator. */
  | { type: 'validate-parquet'; files: { name: string; bytes: ArrayBuffer }[] }
  | { type: 'export'; asOf: string };

export type WorkerReply =
  | { type: 'progress'; file: string; rows: number }
  | { type: 'valid'; ms: number; cases: number; participation: number }
  | { type: 'invalid'; ms: number; problems: Problem[] }
  | { type: 'files'; files: { name: string; bytes: Uint8Array }[] }
  | { type: 'error'; message: string };
