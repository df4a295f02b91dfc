// Measures the two candidate Parquet decoders on the files the site serves: cold module
// start (wasm compile for parquet-wasm), then median decode time to Arrow. Run after
// `npm run data`:  npx tsx scripts/bench-parquet-decoders.ts
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tableFromIPC } from 'apache-arrow';
import { parquetToArrow } from '../src/lib/db/parquet-to-arrow.ts';

const files = ['case', 'participation', 'municipality'].map((f) => `static/data/${f}.parquet`);
const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const bytes = (f: string) => new Uint8Array(readFileSync(f));

async function time(fn: () => Promise<unknown> | unknown, runs = 15) {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return median(out);
}

let t = performance.now();
const pw = await import('parquet-wasm/node');
const pwStart = performance.now() - t;
const wasmSize = statSync(createRequire(import.meta.url).resolve('parquet-wasm/node/parquet_wasm_bg.wasm')).size;

for (const f of files) {
  const b = bytes(f);
  const hy = await time(() => parquetToArrow(b.slice().buffer));
  const pq = await time(() => tableFromIPC(pw.readParquet(b).intoIPCStream()));
  const rows = (await parquetToArrow(b.slice().buffer)).numRows;
  console.log(`${f}: ${b.length} B, ${rows} rows — hyparquet ${hy.toFixed(1)} ms, parquet-wasm ${pq.toFixed(1)} ms`);
}
t = performance.now();
console.log(`parquet-wasm module start (incl. wasm compile): ${pwStart.toFixed(0)} ms, wasm ${(wasmSize / 1e6).toFixed(1)} MB`);
