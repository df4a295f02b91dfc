import { parquetMetadata, parquetRead, parquetSchema, type Compressors, type FileMetaData, type ParquetParsers } from 'hyparquet';
import { decompress } from 'fzstd';
import { columnVector } from './arrow-column';
import { Bool, DateDay, Float32, Float64, Int16, Int32, Int64, Table, Utf8, type DataType, type Vector } from 'apache-arrow';

type SchemaElement = ReturnType<typeof parquetSchema>['children'][number]['element'];

/**
 * Decodes a Parquet file with hyparquet (pure JS, ~24 KiB) and builds an Arrow table with
 * types taken from the Parquet schema, so DuckDB-WASM never needs its parquet extension
 * (which it would fetch from the internet). Flat schemas only: our tables are star-schema facts.
 */
export async function parquetToArrow(buffer: ArrayBuffer, file = 'Parquet'): Promise<Table> {
  try {
    return await decode(buffer);
  } catch (e) {
    throw unreadableFile(file, e instanceof Error ? e.message : String(e));
  }
}

/** A truncated or corrupt file: says which one, in Japanese and with the decoder's words (either decoder). */
export function unreadableFile(file: string, detail: string): Error {
  return new Error(`データファイル ${file} を読み取れません（壊れているか、途中までしか届いていません）: ${detail}`);
}

async function decode(buffer: ArrayBuffer): Promise<Table> {
  const metadata = parquetMetadata(buffer);
  const schema = parquetSchema(metadata);
  for (const child of schema.children) if (child.children.length > 0) throw new Error(`nested Parquet column not supported: ${child.element.name}`);
  // Column by column (hyparquet's onChunk), never one JS object per row: at 1,000,000 rows the
  // row objects were most of the load time and memory.
  const rowCount = Number(metadata.num_rows);
  const columns = new Map<string, unknown[]>(schema.children.map((c) => [c.element.name, new Array<unknown>(rowCount)]));
  await parquetRead({
    file: buffer,
    metadata,
    compressors: await compressorsFor(metadata),
    // Strings (and JSON text) as their UTF-8 bytes: Arrow wants bytes, and decoding each value
    // only to encode it again cost the main thread 53–88 ms per load here (hyparquet's
    // stringFromBytes; docs/performance.md, "Fifth session"). utf8-buffers.ts keeps the result.
    parsers: RAW_TEXT,
    onChunk: ({ columnName, columnData, rowStart, rowEnd }) => {
      const into = columns.get(columnName);
      if (!into) return;
      for (let i = rowStart; i < Math.min(rowEnd, rowCount); i++) into[i] = columnData[i - rowStart];
    }
  });
  const vectors: Record<string, Vector> = {};
  for (const child of schema.children) vectors[child.element.name] = columnVector(columns.get(child.element.name)!, arrowType(child.element));
  return new Table(vectors);
}

const RAW_TEXT = { stringFromBytes: (b: Uint8Array) => b, jsonFromBytes: (b: Uint8Array) => b } as unknown as ParquetParsers;

/** Our files are zstd: fzstd (≈ 3 KB) decodes them; hyparquet reads snappy itself. Other codecs (a user's own Parquet) load the full set on first need. */
const ZSTD_ONLY: Compressors = { ZSTD: (input, outputLength) => decompress(input, new Uint8Array(outputLength)) };
const BUILT_IN = new Set(['UNCOMPRESSED', 'SNAPPY', 'ZSTD']);

async function compressorsFor(metadata: FileMetaData): Promise<Compressors> {
  const codecs = metadata.row_groups.flatMap((g) => g.columns.map((c) => c.meta_data?.codec));
  if (codecs.every((c) => c === undefined || BUILT_IN.has(c))) return ZSTD_ONLY;
  return (await import('hyparquet-compressors')).compressors;
}

function arrowType(el: SchemaElement): DataType {
  const logical = el.logical_type?.type;
  const converted = el.converted_type;
  switch (el.type) {
    case 'BOOLEAN': return new Bool();
    case 'INT32':
      if (logical === 'DATE' || converted === 'DATE') return new DateDay();
      if (converted === 'INT_16' || converted === 'INT_8') return new Int16();
      return new Int32();
    case 'INT64': return new Int64();
    case 'FLOAT': return new Float32();
    case 'DOUBLE': return new Float64();
    case 'BYTE_ARRAY':
      if (logical === 'STRING' || converted === 'UTF8' || logical === 'JSON' || converted === 'JSON') return new Utf8();
      throw new Error(`binary Parquet column not supported: ${el.name}`);
    default:
      throw new Error(`Parquet type ${String(el.type)} of ${el.name} not supported`);
  }
}
