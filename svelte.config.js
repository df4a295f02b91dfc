import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { precompress } from './scripts/precompress.js';
import { writeCriticalHints } from './scripts/critical-hints.js';
import { writeNotFoundPage } from './scripts/not-found-page.js';

const out = process.env.BUILD_DIR ?? 'build';
/**
 * DATA_DIR=<folder of the same Parquet files as static/data> builds the site over another
 * dataset (e.g. `npm run data -- --scale 100000 --out data-scale/100000`): the prerendered
 * figures are computed from it (src/lib/query/initial-figures.ts) and its files replace
 * build/data/. PRERENDER=/,/bench-peer limits the crawl to those pages (the case-detail
 * route still prerenders every case from its own entries(), which is what makes a
 * 100,000-case build slow). See docs/performance.md.
 */
const dataDir = process.env.DATA_DIR;
const only = process.env.PRERENDER?.split(',').filter(Boolean);
const staticAdapter = adapter({ pages: out, assets: out, fallback: undefined, strict: true });

/**
 * adapter-static, then brotli + gzip beside every compressible file (scripts/precompress.js,
 * cached by content hash). adapter-static's own `precompress` would recompress DuckDB's
 * 34 MB wasm with brotli 11 on every build (minutes).
 */
const adapterWithPrecompress = {
  name: 'adapter-static + precompress',
  async adapt(builder) {
    await staticAdapter.adapt(builder);
    if (dataDir) for (const f of readdirSync(dataDir).filter((f) => f.endsWith('.parquet'))) copyFileSync(join(dataDir, f), join(out, 'data', f));
    // What the first click needs is requested with the page's scripts (scripts/critical-hints.js).
    writeCriticalHints(out, join(process.env.KIT_OUT ?? '.svelte-kit', 'output/client'));
    // What a web server sends for an address it has no file for (under any sub-path).
    writeNotFoundPage(out);
    if (process.env.PRECOMPRESS !== '0') await precompress(out);
  }
};

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    // BUILD_DIR / KIT_OUT let two builds run side by side (e.g. a developer and CI on one machine).
    adapter: adapterWithPrecompress,
    outDir: process.env.KIT_OUT ?? '.svelte-kit',
    // Relative asset paths let the build be hosted under any sub-path (e.g. an LGWAN intranet folder).
    paths: { relative: true },
    alias: { $model: 'model', $sql: 'sql' },
    // Registered by the layout once the engine is ready (src/lib/offline/register.ts), not at page start.
    serviceWorker: { register: false },
    ...(only ? { prerender: { entries: only, crawl: false } } : {}),
    // Hash mode: SvelteKit's own inline bootstrap gets a sha256 in a <meta> CSP, so no 'unsafe-inline' for scripts.
    csp: {
      mode: 'hash',
      directives: {
        'default-src': ['self'],
        'script-src': ['self', 'wasm-unsafe-eval'],
        'worker-src': ['self', 'blob:'],
        'connect-src': ['self'],
        'img-src': ['self', 'data:', 'blob:'],
        'font-src': ['self'],
        'style-src': ['self', 'unsafe-inline'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self']
      }
    }
  }
};

export default config;
