import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { launch, openPage, waitForEngine } from './support/browser';
import { offlineCopyMade } from './support/service-worker';

/**
 * Issue 8, point 4: a returning visit must not compile the engine again. Chromium reuses a
 * wasm's compiled code (`v8.wasm.moduleCacheHit` in a trace) only for a response from its own
 * HTTP cache, never for one a service worker gives, so the offline cache leaves the engine's
 * wasm to the browser (src/lib/offline/offline-policy.ts). Here the offline cache is installed
 * and controls the page, as it does for every returning user, and the next visit's trace must
 * show the hit (the build before this rule: no hit, the module compiled again). V8 hands
 * compiled wasm to the cache only once enough optimised code was produced and no more came for
 * 2 s (in the bench, after the cold visit's 40 clicks); `--wasm-caching-threshold=1
 * --wasm-caching-timeout-ms=0` let the first visit write it at once. They change when the
 * entry is written, not whether a response may use it.
 */
const base = inject('baseUrl');
const profile = mkdtempSync(join(tmpdir(), 'e2e-wasm-cache-'));
const JS_FLAGS = '--wasm-caching-threshold=1 --wasm-caching-timeout-ms=0';
let context: BrowserContext | undefined;

afterAll(async () => {
  await context?.close();
  rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
});

/** A visit in the shared profile (the browser restarted), traced from before navigation: Blink's v8.wasm.* events, and whether the offline cache controlled it. */
async function tracedVisit(): Promise<{ events: string[]; controlled: boolean; consoleErrors: string[] }> {
  await context?.close();
  context = await launch({ serviceWorkers: 'allow', profile, jsFlags: JS_FLAGS });
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  const events: string[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    for (const ev of e.value as { name?: string }[]) if (ev.name?.startsWith('v8.wasm.')) events.push(ev.name);
  });
  // Blink's v8.wasm.* events (the cache's write and hit) are in this category.
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: ['disabled-by-default-devtools.timeline'] } });
  const { rec } = await openPage(context, `${base}/`, page);
  await waitForEngine(page);
  const controlled = await page.evaluate(() => navigator.serviceWorker.controller !== null);
  await page.waitForTimeout(1000); // any new entry this visit hands over is written before the browser closes
  const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.end');
  await done;
  return { events, controlled, consoleErrors: rec.consoleErrors };
}

describe('the engine on a returning visit', () => {
  it('under the offline cache (service worker), the compiled wasm is taken from the cache, not compiled again — on every later visit', async () => {
    context = await launch({ serviceWorkers: 'allow', profile, jsFlags: JS_FLAGS });
    const { page } = await openPage(context, `${base}/`);
    await waitForEngine(page);
    await offlineCopyMade(page, profile);
    await page.waitForTimeout(1000); // the cache entry is written from the browser process

    // Two visits: a worker's answer for the wasm's address (even to a HEAD) had spoilt the entry for the visit after.
    for (const visit of [2, 3]) {
      const { events, controlled, consoleErrors } = await tracedVisit();
      expect(controlled, `visit ${visit}: the offline cache controls it`).toBe(true);
      expect(events, `visit ${visit}`).toContain('v8.wasm.moduleCacheHit');
      expect(consoleErrors).toEqual([]);
    }
  });
});
