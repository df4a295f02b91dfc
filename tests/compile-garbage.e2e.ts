import { afterAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { allocatorMb, memoryDump, type ProcessDump } from '../scripts/bench/memory-dump';
import { launch, openPage, waitForEngine } from './support/browser';

/**
 * Issue 8 (renderer memory): the streaming compile of DuckDB's 24 MB wasm leaves ≈ 48 MB of
 * malloc in the compiling worker that only a full garbage collection frees, and DuckDB's quiet
 * worker reaches none for ≈ 30 s after the load (src/lib/db/worker-bootstrap.js, "The compile's
 * garbage"). Proof that the page no longer holds it then: two memory dumps of the page's renderer,
 * one as it is and one after the full collections a deterministic dump runs first in every
 * isolate. What those collections still free from malloc is garbage the page was holding;
 * the build before the bootstrap's release: 50–65 MB, with it ≈ 0–5 MB.
 */
const base = inject('baseUrl');
let context: BrowserContext | undefined;

afterAll(async () => {
  await context?.close(); // its throw-away profile goes with it
});

/** The page's renderer: of this browser's own renderers (a browser of its own, so no other test's), the one holding the most malloc. */
const pageRenderer = (processes: ProcessDump[]) => processes.filter((p) => p.name === 'Renderer').sort((a, b) => allocatorMb(b, 'malloc') - allocatorMb(a, 'malloc'))[0];

describe('the engine’s memory after the load', () => {
  it('the wasm compile’s garbage is already collected: full collections free almost no malloc from the page’s renderer', async () => {
    context = await launch({ ownBrowser: true });
    const { page, rec } = await openPage(context, `${base}/`);
    await waitForEngine(page);
    // The release waits for the worker's first quiet moment after the page's first queries (250 ms
    // without a message): ≈ 0.5 s after engine-ready here, more on a loaded machine. Without it
    // the garbage stays ≈ 30 s, so 3 s still tells the two apart.
    await page.waitForTimeout(3000);
    const cdp = await context.newCDPSession(page);
    const asItIs = await memoryDump(cdp, { gc: false });
    const collected = await memoryDump(cdp, { gc: true });
    expect(asItIs.success && collected.success).toBe(true);
    const renderer = pageRenderer(asItIs.processes)!;
    const after = collected.processes.find((p) => p.pid === renderer.pid)!;
    // The right process: it holds the engine's module (its 24 MB of bytes are malloc).
    expect(allocatorMb(after, 'malloc')).toBeGreaterThan(24);
    const freed = allocatorMb(renderer, 'malloc') - allocatorMb(after, 'malloc');
    expect(freed, `malloc ${allocatorMb(renderer, 'malloc').toFixed(1)} MB as it is, ${allocatorMb(after, 'malloc').toFixed(1)} MB after full collections`).toBeLessThan(20);
    expect(rec.consoleErrors).toEqual([]);
  });
});
