import type { DatasetSpec } from './types';

/** What the banner says about data the user opened in this browser. */
export interface LocalDataLabel {
  /** The files the user picked, as named on their PC. */
  files: string[];
  /** Row counts to show, e.g. { 事例: 245, 参加団体: 6057 } (labels are the caller's). */
  counts: Record<string, number>;
  /** YYYY-MM-DD: the data's as-of date (from the file, or given by the user). */
  asOf: string;
}

/** Data from the user's own files: Parquet bytes per file name of the dataset (e.g. `case.parquet`). */
export interface LocalData {
  label: LocalDataLabel;
  files: Record<string, Uint8Array>;
}

/**
 * The dataset with the given files' bytes in place of fetching them. Files not given still
 * come from the site (e.g. reference tables); the caller decides which files must be local.
 */
export function withLocalFiles(dataset: DatasetSpec, files: Record<string, Uint8Array>): DatasetSpec {
  return { ...dataset, tables: dataset.tables.map((t) => (files[t.file] ? { ...t, bytes: files[t.file] } : { name: t.name, file: t.file })) };
}

/** Local file names the dataset does not know (a typo or another survey's file): refused rather than ignored. */
export function unknownFiles(dataset: DatasetSpec, files: Record<string, Uint8Array>): string[] {
  const known = new Set(dataset.tables.map((t) => t.file));
  return Object.keys(files).filter((f) => !known.has(f));
}

/** '2024-01-31' → '2024年1月31日' (as the published dashboard writes dates). */
export function formatAsOf(asOf: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(asOf);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : asOf;
}
