/**
 * Where DuckDB-WASM's linear memory goes while the survey loads: the wasm heap size (the
 * `memory` buffer, which only ever grows) after open, after each Arrow insert and after each
 * setup statement, in DuckDB-WASM's Node build (same glue and wasm as the browser's worker),
 * with DuckDB's own account (`duckdb_memory()`) beside it. `--variant` tries a way of
 * loading (see VARIANTS). Usage: npx tsx scripts/bench/wasm-heap-probe.ts [--variant NAME] [--eh PATH] [--quiet]
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { tableToIPC } from 'apache-arrow';
import { model } from '../../model/kyodo-model';
import { aggregationSetupSql } from '../../src/lib/model/aggregation-sql';
import { splitStatements } from '../../src/lib/sql/split-statements';
import { LOCKDOWN_SQL } from '../../src/lib/db/lockdown';
import { parquetToArrow } from '../../src/lib/db/parquet-to-arrow';
import { wasmResidentMb } from './wasm-resident';
const DUCKDB_DIST = 'node_modules/@duckdb/duckdb-wasm/dist/';

// model/dataset.ts imports the SQL with Vite's `?raw`, which tsx cannot: the same statements, read here.
const dataset = {
  tables: ['prefecture', 'municipality', 'system', 'cost_band', 'case', 'participation', 'case_subsidy', 'case_cost_basis', 'dataset'].map((f) => ({ name: `raw_${f}`, file: `${f}.parquet` })),
  setupSql: [...splitStatements(readFileSync('sql/views.sql', 'utf8')), ...aggregationSetupSql(model)]
};
const duckdb = createRequire(import.meta.url)('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const variant = opt('variant') ?? 'as-shipped';
const eh = opt('eh') ?? `${DUCKDB_DIST}duckdb-eh.wasm`;
const quiet = args.includes('--quiet');

// Every growth of the linear memory, with its size before and after (emscripten grows to what sbrk asked for, or 1.2×).
const growths: string[] = [];
const grow = WebAssembly.Memory.prototype.grow;
WebAssembly.Memory.prototype.grow = function (this: WebAssembly.Memory, pages: number) {
  const before = this.buffer.byteLength / 2 ** 20;
  const r = grow.call(this, pages);
  growths.push(`${before.toFixed(1)} → ${(this.buffer.byteLength / 2 ** 20).toFixed(1)} MB`);
  return r;
};
const bundles = { mvp: { mainModule: `${DUCKDB_DIST}duckdb-mvp.wasm`, mainWorker: '' }, eh: { mainModule: eh, mainWorker: '' } };
const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
await db.instantiate();
const heap = () => (db.mod.HEAPU8.buffer.byteLength / 2 ** 20);
const rows: { step: string; heap: number; delta: number; resident: number; duck?: number }[] = [];
let last = heap();
rows.push({ step: 'instantiated', heap: last, delta: 0, resident: wasmResidentMb() });
const mark = (step: string, duck?: number) => {
  const h = heap();
  rows.push({ step: growths.length ? `${step}  [grew ${growths.join(', ')}]` : step, heap: h, delta: h - last, resident: wasmResidentMb(), duck });
  growths.length = 0;
  last = h;
};
db.open({});
mark('open');
const conn = db.connect();
mark('connect');
const q = (sql: string) => conn.query(sql);
const duckMb = () => {
  const t = q('SELECT sum(memory_usage_bytes)::BIGINT AS b FROM duckdb_memory()');
  return Number(t.getChild('b')!.get(0)) / 2 ** 20;
};
q(`SET custom_extension_repository = 'http://127.0.0.1:9/duckdb-extensions'`);
q('SET autoinstall_known_extensions = false');
mark('settings');
if (variant === 'compress') {
  q(`ATTACH ':memory:' AS data (COMPRESS); USE data`);
  mark('attach compress');
}
for (const t of dataset.tables) {
  const b = readFileSync(join('static/data', t.file));
  const table = await parquetToArrow(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer, t.file);
  conn.insertArrowFromIPCStream(tableToIPC(table, 'stream'), { name: t.name, create: true });
  mark(`insert ${t.name} (${table.numRows}×${table.numCols})`, duckMb());
}
for (const s of dataset.setupSql) {
  q(s);
  const head = s.replace(/--.*$/gm, '').replace(/\s+/g, ' ').trim().slice(0, 60);
  mark(head, duckMb());
}
if (variant === 'compress') {
  q('CHECKPOINT');
  mark('checkpoint', duckMb());
}
q(LOCKDOWN_SQL.join(';\n'));
mark('lockdown', duckMb());
if (!quiet) {
  for (const r of rows) console.log(`${r.heap.toFixed(1).padStart(6)} MB  ${(r.delta >= 0 ? '+' : '') + r.delta.toFixed(1)}  resident ${r.resident.toFixed(1)}`.padEnd(36) + `${r.duck === undefined ? '' : `duckdb ${r.duck.toFixed(1)} MB  `}${r.step}`);
  console.log(q("SELECT tag, memory_usage_bytes, temporary_storage_bytes FROM duckdb_memory() WHERE memory_usage_bytes > 0").toArray().map((r: any) => JSON.stringify(r.toJSON(), (_k, v) => (typeof v === 'bigint' ? Number(v) : v))).join('\n'));
}
console.log(`variant=${variant} final heap ${heap().toFixed(1)} MB, resident ${wasmResidentMb().toFixed(1)} MB, duckdb_memory ${duckMb().toFixed(1)} MB`);
