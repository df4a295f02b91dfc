import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { startEarly } from './scripts/precompress.js';

/** On a cold cache, start brotli 11 of DuckDB's wasm while Vite builds (see scripts/precompress.js). */
const precompressEarly = {
  name: 'precompress-engine-early',
  apply: 'build' as const,
  buildStart() {
    if (process.env.PRECOMPRESS === '0') return;
    startEarly(['eh', 'mvp'].map((b) => `node_modules/@duckdb/duckdb-wasm/dist/duckdb-${b}.wasm`));
  }
};

export default defineConfig({
  plugins: [precompressEarly, sveltekit()],
  // DuckDB-WASM ships its own worker and wasm; pre-bundling would rewrite their URLs.
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  worker: { format: 'es' },
  test: {
    include: ['src/**/*.test.ts', 'model/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20000
  }
});
