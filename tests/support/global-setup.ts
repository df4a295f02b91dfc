import { spawn, type ChildProcess } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { chromium, type BrowserServer } from 'playwright-core';
import { FLAGS, LAUNCH } from './browser';

let server: ChildProcess | undefined;
let browser: BrowserServer | undefined;

/** Serves build/ with the production CSP header on a free port for every e2e file. */
export async function setup(project: TestProject) {
  server = spawn(process.execPath, ['scripts/serve.js', '--port', '0', '--dir', process.env.BUILD_DIR ?? 'build'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    server!.stdout!.on('data', (chunk: Buffer) => {
      const m = /http:\/\/localhost:(\d+)\//.exec(chunk.toString());
      if (m) resolve(`http://localhost:${m[1]}`);
    });
    server!.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  project.provide('baseUrl', url);
  // One Chromium for every file; each test opens its own contexts in it (support/browser.ts).
  // --process-per-site: the tabs of one context share a renderer process, so a second tab of
  // the site reuses the wasm the first compiled (V8's in-process module cache) instead of
  // compiling DuckDB again: ≈ 3.6–4.4 s of CPU per engine start instead of 6.5–7.2 s here.
  // Chrome itself shares processes of a site this way when it has many tabs; the pages'
  // behaviour is the same. The bench (scripts/bench) keeps a process per tab.
  // --liftoff-only: V8 compiles DuckDB's wasm with its baseline compiler only, as it does for
  // every function before it is hot, and never recompiles hot functions with TurboFan. The
  // code's behaviour is the same (one wasm semantics, two compilers); what the tests skip is
  // TurboFan's background compiles during the engine's start: ≈ 14 % of a cold load's CPU here
  // (5.1 s against 5.8–6.1 s) on a suite bound by CPU (docs/performance.md, "Ninth session").
  // So performance.e2e's loose bounds are checked on baseline code; what users get is measured
  // by `npm run bench`, whose Chromium keeps both tiers.
  // Not for the opt-in scale run (SCALE set, `npm run test:scale`): at 1,000,000 cases DuckDB's
  // own compute dominates: with baseline code only its engine start took 84 s, with both tiers
  // 43 s (2026-12-07, same build and browser).
  // SCALE read as tests/scale.e2e.ts reads it (0, unset or not a number: no scale run).
  const liftoffOnly = Number(process.env.SCALE ?? 0) ? [] : ['--js-flags=--liftoff-only'];
  browser = await chromium.launchServer({ ...LAUNCH, args: [...FLAGS, '--process-per-site', ...liftoffOnly] });
  project.provide('browserWs', browser.wsEndpoint());
}

export async function teardown() {
  server?.kill();
  await browser?.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The shared Chromium's address (playwright-core's launchServer). */
    browserWs: string;
  }
}
