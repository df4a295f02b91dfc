/**
 * Write the tables as Parquet with native DuckDB (@duckdb/node-api). Rows go in
 * through appenders (typed, no SQL text built from values); only the output path
 * is quoted into COPY, through the shared quoting helper.
 */
import { DuckDBInstance, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
import { join } from 'node:path';
import type { Cell, RowSet, Tables } from './build-tables.js';
import * as S from './parquet-schema.js';
import { TABLE_SCHEMAS } from './parquet-schema.js';
import { ident as quoteIdentifier, literal as quoteLiteral } from '../../src/lib/sql/quote.js';

export { TABLE_SCHEMAS };

function appendCell(app: DuckDBAppender, type: S.SqlType, v: Cell): void {
  if (v === null) app.appendNull();
  else if (type === 'VARCHAR') app.appendVarchar(String(v));
  else if (type === 'INTEGER') app.appendInteger(Number(v));
  else if (type === 'BIGINT') app.appendBigInt(BigInt(v));
  else throw new Error(`appendCell: ${type} must be inserted with a parameterised statement`);
}

export async function loadTable(con: DuckDBConnection, name: string, schema: S.TableSchema, set: RowSet): Promise<void> {
  const cols = schema.map(([c, t]) => `${quoteIdentifier(c)} ${t}`).join(', ');
  await con.run(`CREATE TABLE ${quoteIdentifier(name)} (${cols})`);
  if (schema.some(([, t]) => t === 'DATE')) {
    // Appenders need DuckDB date structs; a bound INSERT with a cast is simpler for the one-row table.
    const params = schema.map(([, t]) => (t === 'DATE' ? 'CAST(? AS DATE)' : '?')).join(', ');
    for (const r of set.rows()) await con.run(`INSERT INTO ${quoteIdentifier(name)} VALUES (${params})`, r.map((v) => v));
    return;
  }
  const app = await con.createAppender(name);
  for (const r of set.rows()) {
    if (r.length !== schema.length) throw new Error(`${name}: row has ${r.length} cells, schema ${schema.length}`);
    schema.forEach(([, t], i) => appendCell(app, t, r[i] ?? null));
    app.endRow();
  }
  app.closeSync();
}

/** Writes every table to `${dir}/${name}.parquet` and returns the row counts read back from the files. */
export async function writeParquet(tables: Tables, dir: string): Promise<Record<string, number>> {
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  const counts: Record<string, number> = {};
  try {
    for (const [name, schema] of Object.entries(TABLE_SCHEMAS) as [keyof Tables, S.TableSchema][]) {
      await loadTable(con, name, schema, tables[name]);
      const path = join(dir, `${name}.parquet`);
      await con.run(`COPY ${quoteIdentifier(name)} TO ${quoteLiteral(path)} (FORMAT parquet, COMPRESSION zstd)`);
      const reader = await con.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM read_parquet(${quoteLiteral(path)})`);
      counts[name] = Number(reader.getRowObjects()[0]?.['n']);
      // Free the table before loading the next one: only one table is in DuckDB's memory at a time.
      await con.run(`DROP TABLE ${quoteIdentifier(name)}`);
    }
  } finally {
    con.closeSync();
    instance.closeSync();
  }
  return counts;
}
