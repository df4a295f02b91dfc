import { dataset } from '../../model/dataset';
import { NativeEngine } from '../../src/lib/db/native-engine';
import type { CompileResult } from '../../src/lib/query/spec';

/** Native DuckDB over the same Parquet the site serves: the "direct query" pages are checked against. */
let engine: Promise<NativeEngine> | undefined;
export async function direct(compiled: CompileResult) {
  if (!compiled.ok) throw new Error(compiled.error);
  engine ??= NativeEngine.open(dataset, `${process.env.BUILD_DIR ?? 'build'}/data`);
  return (await engine).query(compiled.sql);
}
