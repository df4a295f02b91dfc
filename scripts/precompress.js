// Writes `<file>.br` (brotli 11) and `<file>.gz` (gzip 9) beside every compressible file of a
// built site, so a web server can send them as they are (nginx gzip_static/brotli_static,
// Apache mod_rewrite, IIS, scripts/serve.js). Compressing DuckDB's 34 MB wasm with brotli 11
// takes minutes, so results are cached by content hash in node_modules/.cache/precompress:
// a rebuild with the same dependencies pays nothing.
//   node scripts/precompress.js <dir>        (also run by svelte.config.js after every build)
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync, existsSync, renameSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Text and wasm compress well; images, fonts (woff2) and Parquet (zstd inside) are compressed already. */
const COMPRESSIBLE = /\.(html|js|mjs|css|json|wasm|svg|txt|xml|map|webmanifest)$/i;
const MIN_BYTES = 1024;
/** Below this size compressing is quick: don't fill the cache with small files. */
const CACHE_FROM_BYTES = 256 * 1024;
const CACHE_DIR = resolve(process.env.PRECOMPRESS_CACHE ?? 'node_modules/.cache/precompress');

function* walk(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (COMPRESSIBLE.test(e.name) && statSync(p).size >= MIN_BYTES) yield p;
  }
}

const encoders = {
  br: (buf, file) =>
    brotli(buf, {
      params: {
        // duckdb-mvp.wasm is DuckDB's fallback for browsers without wasm exceptions (none that
        // we support): not worth minutes of brotli 11 on every cold build.
        [constants.BROTLI_PARAM_QUALITY]: /duckdb-mvp\./.test(file) ? 5 : 11,
        [constants.BROTLI_PARAM_LGWIN]: 24,
        [constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
        [constants.BROTLI_PARAM_MODE]: /\.wasm$/.test(file) ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT
      }
    }),
  // gzip 9 is not always smaller than 6 (DuckDB's wasm: 7.68 vs 7.5 MB): keep the smaller.
  gz: async (buf) => {
    const [nine, six] = await Promise.all([gz(buf, { level: 9 }), gz(buf, { level: 6 })]);
    return nine.length <= six.length ? nine : six;
  }
};

/**
 * Compressions in flight in this process, by cache name: the build starts the slow ones
 * early (see `startEarly`), and the step after the build waits for them instead of doing
 * them again. On globalThis because vite.config.ts gets its own bundled copy of this module.
 */
const inflight = (globalThis.__precompressInflight ??= new Map());

/** The encoded bytes of `buf` (a copy of `file`), from the cache, in flight, or made now. */
async function encoded(buf, file, ext, stats) {
  const hash = createHash('sha256').update(buf).digest('hex');
  // The name says how it was made: change an encoder's settings, change its tag.
  const cached = join(CACHE_DIR, `${hash}.${ext === 'br' ? (/duckdb-mvp\./.test(file) ? 'q5w24' : 'q11w24') : 'l9or6'}.${ext}`);
  const useCache = buf.length >= CACHE_FROM_BYTES;
  if (useCache && existsSync(cached)) {
    if (stats) stats.cached++;
    return readFileSync(cached);
  }
  if (useCache && inflight.has(cached)) {
    if (stats) stats.cached++;
    return inflight.get(cached);
  }
  const job = encoders[ext](buf, file).then((out) => {
    if (useCache) {
      mkdirSync(CACHE_DIR, { recursive: true });
      writeFileSync(`${cached}.tmp`, out);
      renameSync(`${cached}.tmp`, cached);
    }
    return out;
  });
  if (useCache) inflight.set(cached, job);
  if (stats) stats.compressed++;
  return job;
}

async function compressOne(file, stats) {
  const buf = readFileSync(file);
  for (const ext of Object.keys(encoders)) {
    const out = await encoded(buf, file, ext, stats);
    // Only worth serving if it saves something.
    if (out.length < buf.length * 0.95) writeFileSync(`${file}.${ext}`, out);
  }
}

/**
 * Starts compressing files whose content is known before the build (DuckDB's wasm in
 * node_modules ends up byte for byte in the build), so the minutes of brotli 11 on a cold
 * cache overlap Vite's build and prerendering instead of following them.
 */
export function startEarly(files) {
  for (const file of files) {
    if (!existsSync(file)) continue;
    const buf = readFileSync(file);
    for (const ext of Object.keys(encoders)) encoded(buf, file, ext, null).catch(() => {});
  }
}

/** Compresses every file under `dir`, largest first, a few at a time (zlib runs on libuv's thread pool). */
export async function precompress(dir) {
  const started = Date.now();
  const files = [...walk(resolve(dir))].sort((a, b) => statSync(b).size - statSync(a).size);
  const stats = { files: files.length, compressed: 0, cached: 0 };
  let next = 0;
  const workers = Array.from({ length: Math.max(2, availableParallelism()) }, async () => {
    while (next < files.length) await compressOne(files[next++], stats);
  });
  await Promise.all(workers);
  console.log(`precompress: ${stats.files} files in ${dir} (${stats.compressed} compressed, ${stats.cached} from cache) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return stats;
}

if (import.meta.url === `file://${process.argv[1]}`) await precompress(process.argv[2] ?? 'build');
