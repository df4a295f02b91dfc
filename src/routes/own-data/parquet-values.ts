/**
 * Value validation of a user's Parquet files (after parquet-input.ts checked their shape):
 * decoded with hyparquet and run through the build's validator (scripts/data/validate-parquet.ts),
 * so a Parquet is refused exactly where the same data as CSV would be. Runs in the page's
 * validation worker (and in Node for the tests): pure apart from decoding.
 */
import { parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import type { Tables } from '../../../scripts/data/build-tables.js';
import type { ParquetRecord } from '../../../scripts/data/parquet-rows.js';
import type { Reference } from '../../../scripts/data/reference-data.js';
import { validateParquetSurvey, type ParquetResult, type ParquetTables } from '../../../scripts/data/validate-parquet.js';

/** Every given file (`case.parquet`, …) decoded to row objects. */
export async function decodeParquetTables(files: Record<string, Uint8Array>): Promise<ParquetTables> {
  const out: Record<string, readonly ParquetRecord[]> = {};
  for (const [name, bytes] of Object.entries(files)) {
    const buffer = bytes.buffer.byteLength === bytes.byteLength ? (bytes.buffer as ArrayBuffer) : bytes.slice().buffer;
    out[name.replace(/\.parquet$/, '')] = (await parquetReadObjects({ file: buffer, compressors })) as ParquetRecord[];
  }
  return out as Partial<Record<keyof Tables, readonly ParquetRecord[]>>;
}

export async function validateParquetFiles(files: Record<string, Uint8Array>, ref: Reference): Promise<ParquetResult> {
  return validateParquetSurvey(await decodeParquetTables(files), ref);
}
