/**
 * The wasm heap's high-water mark for one statement: a fresh DuckDB-WASM (Node build) with the
 * survey's raw tables inserted, then `--sql FILE` (statements split on ';'), reporting the heap
 * and each growth. For finding which part of a statement peaks. Usage:
 * npx tsx scripts/bench/wasm-heap-variants.ts --sql FILE [--pre 'SQL'] [--eh PATH]
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { tableToIPC } from 'apache-arrow';
import { parquetToArrow } from '../../src/lib/db/parquet-to-arrow';
import { wasmResidentMb } from './wasm-resident';

const DIST = 'node_modules/@duckdb/duckdb-wasm/dist/';
const duckdb = createRequire(import.meta.url)('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
const args = process.argv.slice(2);
const opt = (name: string) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : undefined);
const growths: string[] = [];
const grow = WebAssembly.Memory.prototype.grow;
WebAssembly.Memory.prototype.grow = function (this: WebAssembly.Memory, pages: number) {
  const r = grow.call(this, pages);
  growths.push((this.buffer.byteLength / 2 ** 20).toFixed(1));
  return r;
};
const db = await duckdb.createDuckDB(
  { mvp: { mainModule: `${DIST}duckdb-mvp.wasm`, mainWorker: '' }, eh: { mainModule: opt('eh') ?? `${DIST}duckdb-eh.wasm`, mainWorker: '' } },
  new duckdb.VoidLogger(),
  duckdb.NODE_RUNTIME
);
await db.instantiate();
db.open({});
const conn = db.connect();
const heap = () => `${(db.mod.HEAPU8.buffer.byteLength / 2 ** 20).toFixed(1)} MB (resident ${wasmResidentMb().toFixed(1)})`;
if (opt('pre')) conn.query(opt('pre'));
for (const f of ['prefecture', 'municipality', 'system', 'cost_band', 'case', 'participation', 'case_subsidy', 'case_cost_basis', 'dataset']) {
  const b = readFileSync(join('static/data', `${f}.parquet`));
  const table = await parquetToArrow(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer, f);
  conn.insertArrowFromIPCStream(tableToIPC(table, 'stream'), { name: `raw_${f}`, create: true });
}
console.log(`after inserts: ${heap()} ${growths.splice(0).join(' ')}`);
const sql = opt('sql') ? readFileSync(opt('sql')!, 'utf8') : opt('q')!;
for (const s of sql.split(/;\s*\n/).filter((x) => x.trim())) {
  const res = conn.query(s);
  if (args.includes('--print')) console.log(res.toArray().map((r: any) => Object.values(r.toJSON()).join('\n')).join('\n'));
  console.log(`${heap()}  grew [${growths.splice(0).join(' ')}]  ${s.replace(/\s+/g, ' ').slice(0, 90)}`);
}
