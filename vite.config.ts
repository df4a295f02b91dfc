import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { startEarly } from './scripts/precompress.js';
import { slimDuckdbWasmOnce } from './scripts/wasm/slim-duckdb-wasm.js';

/**
 * The site ships DuckDB's eh wasm without the 74,730 exports only a dlopen'ed extension could
 * use, and without the code they alone kept (scripts/wasm/slim-duckdb-wasm.js; 34.2 → 24.1 MB,
 * cached in node_modules/.cache/duckdb-slim): browser-engine.ts's `?url` import resolves to it.
 * The mvp fallback stays as DuckDB ships it.
 */
const slimDuckdbWasm: Plugin = {
  name: 'slim-duckdb-wasm',
  enforce: 'pre', // before Vite resolves the bare import to node_modules
  async resolveId(id) {
    if (id === '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url') return `${await slimDuckdbWasmOnce()}?url`;
  }
};

/** On a cold cache, start brotli 11 of DuckDB's wasm while Vite builds (see scripts/precompress.js). */
const precompressEarly = {
  name: 'precompress-engine-early',
  apply: 'build' as const,
  buildStart() {
    if (process.env.PRECOMPRESS === '0') return;
    // A failed slim step fails the build where the wasm is imported (slimDuckdbWasm).
    slimDuckdbWasmOnce().then((eh) => startEarly([eh, 'node_modules/@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm']), () => {});
  }
};

/**
 * `virtual:precompiled-charts`: the site's Vega-Lite specs compiled to Vega at build time
 * (scripts/charts/precompile.ts, run once per build in its own process), so the browser loads
 * only vega + vega-interpreter for them. The server bundle never draws charts: empty there.
 */
const precompiledCharts = () => {
  const ID = 'virtual:precompiled-charts';
  let table: Promise<string> | undefined;
  return {
    name: 'precompiled-charts',
    resolveId: (id: string) => (id === ID ? `\0${ID}` : undefined),
    async load(id: string, options?: { ssr?: boolean }) {
      if (id !== `\0${ID}`) return undefined;
      if (options?.ssr) return 'export default { bases: [], entries: {} };';
      table ??= promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/charts/precompile.ts'], { maxBuffer: 64 << 20 }).then((r) => r.stdout);
      return `export default JSON.parse(${JSON.stringify(await table)});`;
    }
  };
};

/**
 * `virtual:site-font.css`: Noto Sans JP subset at build time to the characters the site can
 * show (scripts/fonts/site-font.ts; cached in node_modules/.cache/site-font), resolved to the
 * generated CSS file so Vite emits its woff2 files as hashed assets.
 */
const siteFont = () => {
  const ID = 'virtual:site-font.css';
  let css: Promise<string> | undefined;
  return {
    name: 'site-font',
    async resolveId(id: string) {
      if (id !== ID) return undefined;
      css ??= promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/fonts/site-font.ts']).then((r) => r.stdout.trim());
      return resolve(await css);
    }
  };
};

/**
 * Fewer, larger chunks in the browser build: the first page needed ≈ 35 module requests of
 * 39 B–18 KB, and over HTTP/1.1's six connections per host their round trips, not their bytes,
 * held hydration back on a slow line (docs/performance.md, "Critical bytes first"). Not the
 * server build: merged server chunks evaluate duckdb-wasm's Node build during prerender.
 */
const fewerClientChunks: Plugin = {
  name: 'fewer-client-chunks',
  apply: 'build',
  applyToEnvironment: (env) => env.name === 'client',
  outputOptions: (o) => ({ ...o, experimentalMinChunkSize: 20_000 })
};

/**
 * Workers' assets under the page's asset names (SvelteKit gives them workers/assets/[name]-[hash]):
 * parquet-wasm's wasm, used by the page (parquet-wasm-decoder.ts, export) and by two workers
 * (parquet-decode, validate), is then one file instead of two (5 MB on disk). After sveltekit()
 * so this config hook's value wins.
 */
const workerAssetsBesidePage: Plugin = {
  name: 'worker-assets-beside-page',
  config: () => ({ worker: { rollupOptions: { output: { assetFileNames: '_app/immutable/assets/[name].[hash][extname]' } } } })
};

/**
 * Unit test files that take longest (DuckDB-WASM's Node build started, seeded comparisons),
 * slowest first: Vitest starts them first, so its two workers end together (a fresh clone has
 * no durations of a previous run to order by). Loaded only under Vitest, not in `vite build`.
 */
const unitSequencer = process.env.VITEST
  ? (await import('./tests/support/slow-first')).slowFirst([
      'model/aggregations.test.ts',
      'scripts/wasm/slim-duckdb-wasm-engine.test.ts',
      'src/lib/db/lockdown.test.ts',
      'src/lib/db/deferred-catalog.test.ts',
      'src/lib/db/parquet-decoders.test.ts',
      'src/lib/charts/table-sync.test.ts',
      'scripts/data/survey-core.isomorphic.test.ts'
    ])
  : undefined;

export default defineConfig({
  plugins: [slimDuckdbWasm, precompressEarly, precompiledCharts(), siteFont(), fewerClientChunks, sveltekit(), workerAssetsBesidePage],
  // DuckDB-WASM ships its own worker and wasm; pre-bundling would rewrite their URLs.
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000
  },
  worker: { format: 'es' },
  test: {
    include: ['src/**/*.test.ts', 'model/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20000,
    // Vitest's default is one worker less than the cores: one on a 2-core CI machine, whose
    // second core then idles (the test files are independent: no shared files or ports).
    maxWorkers: '100%',
    sequence: { sequencer: unitSequencer }
  }
});
