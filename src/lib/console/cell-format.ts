import { DataType, type Field } from 'apache-arrow';

/** How a cell is shown: NULL and the empty string stay visibly different. */
export type CellView =
  | { kind: 'null' }
  | { kind: 'empty' }
  /** `bytes`: set when `text` is only the start of a larger value (its whole size in bytes). */
  | { kind: 'value'; text: string; bytes?: number };

/** DuckDB's name for an Arrow type, as the grid header shows it. */
export function typeName(type: DataType): string {
  if (DataType.isInt(type)) return `${type.isSigned ? '' : 'U'}${{ 8: 'TINYINT', 16: 'SMALLINT', 32: 'INTEGER', 64: 'BIGINT' }[type.bitWidth]}`;
  if (DataType.isFloat(type)) return type.precision === 2 ? 'DOUBLE' : 'FLOAT';
  if (DataType.isUtf8(type) || DataType.isLargeUtf8(type)) return 'VARCHAR';
  if (DataType.isBool(type)) return 'BOOLEAN';
  if (DataType.isDate(type)) return 'DATE';
  if (DataType.isTimestamp(type)) return 'TIMESTAMP';
  if (DataType.isTime(type)) return 'TIME';
  if (DataType.isDecimal(type)) return `DECIMAL(${type.precision},${type.scale})`;
  if (DataType.isInterval(type) || DataType.isDuration(type)) return 'INTERVAL';
  if (DataType.isBinary(type) || DataType.isLargeBinary(type)) return 'BLOB';
  if (DataType.isList(type)) return `${typeName(type.children[0]!.type)}[]`;
  if (DataType.isStruct(type)) return 'STRUCT';
  if (DataType.isMap(type)) return 'MAP';
  if (DataType.isDictionary(type)) return typeName(type.dictionary);
  return String(type);
}

export function isNumeric(type: DataType): boolean {
  return DataType.isInt(type) || DataType.isFloat(type) || DataType.isDecimal(type);
}

/**
 * Text of one Arrow value, faithful to the database: BIGINT exact (Arrow gives BigInt),
 * DATE as YYYY-MM-DD (Arrow gives epoch ms), DECIMAL with its scale, nested values as JSON.
 */
export function formatValue(v: unknown, field: Field): CellView {
  if (v === null || v === undefined) return { kind: 'null' };
  const type = field.type as DataType;
  if (v === '') return { kind: 'empty' };
  return { kind: 'value', text: valueText(v, type) };
}

export function valueText(v: unknown, type: DataType): string {
  if (typeof v === 'bigint') return v.toString();
  if (DataType.isDate(type) && typeof v === 'number') return new Date(v).toISOString().slice(0, 10);
  if (DataType.isTimestamp(type) && typeof v === 'number') return new Date(v).toISOString().replace('T', ' ').replace(/\.000Z$|Z$/, '');
  if (DataType.isDecimal(type)) return withScale(String(v), type.scale);
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Uint8Array) return `\\x${Array.from(v.slice(0, 64), (b) => b.toString(16).padStart(2, '0')).join('')}${v.length > 64 ? '…' : ''}`;
  const json = (x: unknown) => JSON.stringify(x, (_, y: unknown) => (typeof y === 'bigint' ? y.toString() : y));
  const plain = typeof (v as { toJSON?: unknown }).toJSON === 'function' ? (v as { toJSON(): unknown }).toJSON() : v;
  return json(plain) ?? String(v);
}

function withScale(digits: string, scale: number): string {
  if (scale === 0) return digits;
  const neg = digits.startsWith('-');
  const d = (neg ? digits.slice(1) : digits).padStart(scale + 1, '0');
  return `${neg ? '-' : ''}${d.slice(0, -scale)}.${d.slice(-scale)}`;
}
