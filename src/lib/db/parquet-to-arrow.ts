import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
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
    // A truncated or corrupt file: say which one, in Japanese and with the decoder's words.
    throw new Error(`データファイル ${file} を読み取れません（壊れているか、途中までしか届いていません）: ${e instanceof Error ? e.message : String(e)}`);
  }
}

async function decode(buffer: ArrayBuffer): Promise<Table> {
  const metadata = parquetMetadata(buffer);
  const schema = parquetSchema(metadata);
  const rows = await parquetReadObjects({ file: buffer, metadata, compressors });
  const vectors: Record<string, Vector> = {};
  for (const child of schema.children) {
    const el = child.element;
    if (child.children.length > 0) throw new Error(`nested Parquet column not supported: ${el.name}`);
    const type = arrowType(el);
    vectors[el.name] = columnVector(rows.map((r) => r[el.name]), type);
  }
  return new Table(vectors);
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
