/**
 * `npm run test:scale` (SCALE=<N>, default 1,000,000): the opt-in end-to-end test of a
 * scaled dataset (issue 8 point 6). Generates data-scale/<N> unless it is there already
 * (`--fresh` regenerates), builds the site over it into data-scale/<N>-site (its own
 * SvelteKit folder, so build/ and a running dev server are untouched), then runs
 * tests/scale.e2e.ts against that build. Slow: ≈ 1 min data, several minutes build,
 * a few minutes of browser test at 1,000,000 cases.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const scale = Number((process.env.SCALE ?? '1000000').replace(/[_,]/g, ''));
if (!Number.isInteger(scale) || scale < 1) {
  console.error(`SCALE には1以上の整数を指定してください / SCALE must be a whole number ≥ 1 (got ${process.env.SCALE})`);
  process.exit(1);
}
const dataDir = `data-scale/${scale}`;
const siteDir = `data-scale/${scale}-site`;
const fresh = process.argv.includes('--fresh');
const skipBuild = process.argv.includes('--no-build');

function run(what: string, cmd: string, args: string[], env: Record<string, string> = {}): void {
  const started = Date.now();
  console.log(`\n── ${what}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`── ${what}: ${r.status === 0 ? 'ok' : `failed (${r.status ?? r.signal})`} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (fresh || !existsSync(`${dataDir}/case.parquet`)) run('data', 'npx', ['tsx', 'scripts/build-data.ts', '--scale', String(scale), '--out', dataDir]);
// The survey's own files too: the build reads static/data for anything DATA_DIR does not replace.
if (!existsSync('static/data/case.parquet')) run('survey data', 'npx', ['tsx', 'scripts/build-data.ts']);
// PRECOMPRESS=0: brotli 11 of ≈ 3,000 prerendered files takes minutes and is not what this test is about
// (the server gzips on the fly, like a stock nginx). Set PRECOMPRESS=1 to get a production-like build.
if (!skipBuild) run('build', 'npx', ['vite', 'build'], { DATA_DIR: dataDir, BUILD_DIR: siteDir, KIT_OUT: '.svelte-kit-scale', PRECOMPRESS: process.env.PRECOMPRESS ?? '0' });
run('e2e', 'npx', ['vitest', 'run', '--config', 'tests/vitest.config.ts', 'tests/scale.e2e.ts'], { SCALE: String(scale), BUILD_DIR: siteDir });
