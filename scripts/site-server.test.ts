import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSiteHandler } from './site-server.js';

let server: Server | undefined;
let dir: string | undefined;
afterEach(() => {
  server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function serve(folder: string): Promise<string> {
  server = createServer(createSiteHandler(folder));
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return `http://127.0.0.1:${port}`;
}

describe('a server left running across a rebuild', () => {
  it('serves the files the new build wrote and no longer the ones it removed', async () => {
    dir = mkdtempSync(join(tmpdir(), 'site-'));
    writeFileSync(join(dir, 'index.html'), '<p>old</p>');
    writeFileSync(join(dir, 'old-hash.js'), 'old');
    const base = await serve(dir);
    expect((await fetch(`${base}/old-hash.js`)).status).toBe(200);

    // What `vite build` does: removes the old hashed file, writes new ones and index.html again.
    rmSync(join(dir, 'old-hash.js'));
    writeFileSync(join(dir, 'new-hash.js'), 'new');
    writeFileSync(join(dir, 'index.html'), '<p>new</p>');
    utimesSync(join(dir, 'index.html'), new Date(), new Date(Date.now() + 5000));

    const fresh = await fetch(`${base}/new-hash.js`);
    expect(fresh.status).toBe(200);
    expect(await fresh.text()).toBe('new');
    expect((await fetch(`${base}/old-hash.js`)).status).toBe(404);
    expect(await (await fetch(`${base}/`)).text()).toBe('<p>new</p>');
  });
});
