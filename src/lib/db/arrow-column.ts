import { utf8Column } from './utf8-buffers';
import { Bool, DateDay, Float32, Float64, Int16, Int32, Int64, Utf8, Vector, makeData, type DataType } from 'apache-arrow';

/**
 * Builds an Arrow vector straight from JS values. Arrow's own builders compile a null
 * check with `new Function`, which a strict CSP (no 'unsafe-eval') forbids; this writes
 * the buffers directly. Supported: the flat types our Parquet decoder produces (strings as JS
 * strings or as raw UTF-8 bytes).
 */
export function columnVector(values: unknown[], type: DataType): Vector {
  const length = values.length;
  const nullBitmap = new Uint8Array(Math.ceil(length / 8));
  let nullCount = 0;
  values.forEach((v, i) => {
    if (v === null || v === undefined) nullCount++;
    else nullBitmap[i >> 3]! |= 1 << (i & 7);
  });
  const base = { type, length, nullCount, nullBitmap };
  if (type instanceof Utf8) return new Vector([makeData({ ...base, type, ...utf8Column(values) })]);
  if (type instanceof Bool) {
    const data = new Uint8Array(Math.ceil(length / 8));
    values.forEach((v, i) => v === true && (data[i >> 3]! |= 1 << (i & 7)));
    return new Vector([makeData({ ...base, type, data })]);
  }
  if (type instanceof Int64) {
    return new Vector([makeData({ ...base, type, data: BigInt64Array.from(values, (v) => (v == null ? 0n : BigInt(v as bigint | number))) })]);
  }
  if (type instanceof DateDay) {
    const day = (v: unknown) => (v instanceof Date ? Math.floor(v.getTime() / 86400000) : Number(v ?? 0));
    return new Vector([makeData({ ...base, type, data: Int32Array.from(values, day) })]);
  }
  const num = (v: unknown) => (v == null ? 0 : Number(v));
  if (type instanceof Int32) return new Vector([makeData({ ...base, type, data: Int32Array.from(values, num) })]);
  if (type instanceof Int16) return new Vector([makeData({ ...base, type, data: Int16Array.from(values, num) })]);
  if (type instanceof Float32) return new Vector([makeData({ ...base, type, data: Float32Array.from(values, num) })]);
  if (type instanceof Float64) return new Vector([makeData({ ...base, type, data: Float64Array.from(values, num) })]);
  throw new Error(`unsupported Arrow type ${String(type)}`);
}
