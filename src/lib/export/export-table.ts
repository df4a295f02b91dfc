import type { Table } from 'apache-arrow';
import { tableToCsv } from './csv-text';
import { ENCODING_TAG, encodeCsv, type CsvEncoding } from './csv-encoding';
import { toParquet } from './parquet-file';
import { safeFileName } from './save-file';

export type ExportFormat = 'parquet' | CsvEncoding;

export interface ExportedFile {
  bytes: Uint8Array;
  name: string;
  mime: string;
  /** Characters the encoding could not hold (Shift_JIS only). */
  replaced: number;
}

/** One Arrow table → one file: Parquet with metadata, or CSV in the chosen encoding. */
export async function exportTable(table: Table, format: ExportFormat, nameParts: string[], metadata: Record<string, string>): Promise<ExportedFile> {
  if (format === 'parquet') {
    return { bytes: await toParquet(table, metadata), name: safeFileName(nameParts, 'parquet'), mime: 'application/vnd.apache.parquet', replaced: 0 };
  }
  const { bytes, replaced } = await encodeCsv(tableToCsv(table), format);
  const charset = format === 'shift_jis' ? 'Shift_JIS' : 'UTF-8';
  return { bytes, name: safeFileName([...nameParts, ENCODING_TAG[format]], 'csv'), mime: `text/csv;charset=${charset}`, replaced };
}
