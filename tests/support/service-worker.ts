import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/**
 * The offline cache (src/service-worker.ts) as a test waits for it, in a browser on a
 * profile of its own (`launch({ serviceWorkers: 'allow', profile })`).
 */

/** Resolves once the offline cache holds the engine and the data (the worker installed and took the page over) and its registration is on disk. */
export async function offlineCopyMade(page: Page, profile: string): Promise<void> {
  await page.waitForFunction(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    if (!reg?.active) return false;
    const keys = (await caches.keys()).filter((k) => k.startsWith('kyodo-'));
    if (keys.length !== 1) return false;
    const cache = await caches.open(keys[0]!);
    const paths = (await cache.keys()).map((r) => new URL(r.url).pathname);
    return navigator.serviceWorker.controller !== null && paths.some((p) => p.endsWith('/data/case.parquet')) && paths.some((p) => /duckdb-eh\.[^/]*\.wasm$/.test(p)) && paths.includes('/');
  }, undefined, { timeout: 30000, polling: 250 });
  await registrationOnDisk(profile, new URL(page.url()).host);
}

/**
 * Chromium writes the worker's registration to the profile's database some time after the
 * worker controls the page (1.3–1.8 s later with both cores busy; measured 2026-12-06). A
 * browser closed before that forgets the worker, so the next visit would not be offline:
 * wait until the registration (its scope, which holds the origin) is in the database's log.
 */
async function registrationOnDisk(profile: string, host: string): Promise<void> {
  const db = join(profile, 'Default', 'Service Worker', 'Database');
  const origin = Buffer.from(host);
  const stored = () => existsSync(db) && readdirSync(db).some((f) => f.endsWith('.log') && readFileSync(join(db, f)).includes(origin));
  await expect.poll(stored, { timeout: 30000, interval: 100, message: `the worker's registration reaches ${db}` }).toBe(true);
}
