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
  browser = await chromium.launchServer({ ...LAUNCH, args: [...FLAGS, '--process-per-site'] });
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
