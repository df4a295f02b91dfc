import { mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSiteHandler } from './site-server.js';

// The handler's stat calls, counted (passed through to the real one).
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  return { ...fs, statSync: vi.fn(fs.statSync) };
});
/** How many times index.html has been looked at so far. */
const looks = () => vi.mocked(statSync).mock.calls.filter(([p]) => String(p).endsWith('index.html')).length;

let server: Server | undefined;
let dir: string | undefined;
afterEach(() => {
  server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function serve(folder: string, opts: { recheckMs?: number } = {}): Promise<string> {
  server = createServer(createSiteHandler(folder, opts));
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

describe('noticing a rebuild', () => {
  it('looks at index.html when the folder changes, not on every request', async () => {
    dir = mkdtempSync(join(tmpdir(), 'site-'));
    writeFileSync(join(dir, 'index.html'), '<p>old</p>');
    writeFileSync(join(dir, 'app.js'), 'app');
    // No timed look during the test: only the folder's change reports make the handler look.
    const base = await serve(dir, { recheckMs: 600_000 });
    let from = looks();
    for (let i = 0; i < 20; i++) expect((await fetch(`${base}/app.js`)).status).toBe(200);
    expect(looks() - from, 'an unchanged build').toBe(0);

    writeFileSync(join(dir, 'index.html'), '<p>new</p>');
    utimesSync(join(dir, 'index.html'), new Date(), new Date(Date.now() + 5000));
    await expect.poll(async () => (await fetch(`${base}/`)).text()).toBe('<p>new</p>');
    // Until every report of that change has come in (each makes one look).
    await expect.poll(async () => {
      const before = looks();
      for (let i = 0; i < 3; i++) await fetch(`${base}/app.js`);
      return looks() - before;
    }).toBe(0);
    from = looks();
    for (let i = 0; i < 20; i++) expect((await fetch(`${base}/app.js`)).status).toBe(200);
    expect(looks() - from, 'the new build, unchanged since').toBe(0);
  });

  it('a build that removes the folder and makes it anew is served, and so is the one after it', async () => {
    dir = mkdtempSync(join(tmpdir(), 'site-'));
    writeFileSync(join(dir, 'index.html'), '<p>1</p>');
    const base = await serve(dir, { recheckMs: 600_000 });
    expect(await (await fetch(`${base}/`)).text()).toBe('<p>1</p>');
    // adapter-static empties the output folder by removing it.
    rmSync(dir, { recursive: true });
    mkdirSync(dir);
    writeFileSync(join(dir, 'index.html'), '<p>two</p>');
    await expect.poll(async () => (await fetch(`${base}/`)).text()).toBe('<p>two</p>');
    // The new folder is watched: its next rebuild is seen too (a listing kept would send the old length).
    writeFileSync(join(dir, 'index.html'), '<p>three</p>');
    utimesSync(join(dir, 'index.html'), new Date(), new Date(Date.now() + 5000));
    await expect.poll(async () => (await fetch(`${base}/`)).text()).toBe('<p>three</p>');
  });

  it('where the folder reports nothing, looks again once recheckMs has passed', async () => {
    dir = mkdtempSync(join(tmpdir(), 'site-'));
    writeFileSync(join(dir, 'index.html'), '<p>old</p>');
    vi.useFakeTimers({ toFake: ['Date'] }); // the handler's clock only
    try {
      const base = await serve(dir, { recheckMs: 1000 });
      const from = looks();
      for (let i = 0; i < 5; i++) await fetch(`${base}/`);
      vi.advanceTimersByTime(999);
      await fetch(`${base}/`);
      expect(looks() - from, 'within recheckMs').toBe(0);
      vi.advanceTimersByTime(1);
      await fetch(`${base}/`);
      await fetch(`${base}/`);
      expect(looks() - from, 'once recheckMs has passed').toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
