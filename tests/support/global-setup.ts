import { spawn, type ChildProcess } from 'node:child_process';
import type { TestProject } from 'vitest/node';

let server: ChildProcess | undefined;

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
}

export async function teardown() {
  server?.kill();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
