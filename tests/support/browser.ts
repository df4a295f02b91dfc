import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

import { LAUNCH } from '../../scripts/chromium-launch';

// Executable, flags and features turned off: one home (scripts/chromium-launch.ts).
export { CHROMIUM, FLAGS, LAUNCH } from '../../scripts/chromium-launch';

/**
 * A fresh context each time: nothing cached, like a first visit. Service workers (the
 * offline cache) are blocked unless asked for: tests that serve broken files or count
 * requests must see the network, and tests/offline-revisit.e2e.ts tests the worker itself.
 *
 * In the e2e run the contexts are opened in one Chromium that tests/support/global-setup.ts
 * started for all files (starting Chromium costs ≈ 2 s of CPU each time, and the suite did
 * it ≈ 40 times). A context is a separate profile in memory: its own cache, storage and
 * workers. A test that needs a profile on disk (`profile`), V8 flags (`jsFlags`) or the
 * browser's processes to itself (`ownBrowser`: e.g. memory dumps, which cover every process)
 * gets a browser of its own.
 */
export async function launch(opts: { serviceWorkers?: 'allow' | 'block'; profile?: string; jsFlags?: string; ownBrowser?: boolean } = {}): Promise<BrowserContext> {
  const options = {
    serviceWorkers: opts.serviceWorkers ?? 'block',
    viewport: { width: 1280, height: 900 },
    locale: 'ja-JP',
    acceptDownloads: true
  } as const;
  const shared = opts.profile === undefined && !opts.jsFlags && !opts.ownBrowser ? await sharedBrowser() : undefined;
  if (shared) return shared.newContext(options);
  // A profile made here is removed when the browser closes (a caller's own profile is kept).
  const own = opts.profile === undefined ? mkdtempSync(join(tmpdir(), 'e2e-profile-')) : undefined;
  const args = opts.jsFlags ? [...LAUNCH.args, `--js-flags=${opts.jsFlags}`] : LAUNCH.args;
  const context = await chromium.launchPersistentContext(opts.profile ?? own!, { ...LAUNCH, args, ...options });
  if (own) context.on('close', () => removeProfile(own));
  return context;
}

let connected: Promise<Browser> | undefined;
/** The e2e run's Chromium (its address provided by global-setup.ts), or none outside that run. */
function sharedBrowser(): Promise<Browser> | undefined {
  let ws: string | undefined;
  try {
    ws = inject('browserWs');
  } catch {
    return undefined; // not in a Vitest worker that was given one
  }
  if (!ws) return undefined;
  connected ??= chromium.connect(ws);
  return connected;
}

/** Chromium may still be writing into the profile as it exits: retry, and never fail a test over it. */
function removeProfile(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  } catch {
    // left for the OS's temp cleanup
  }
}

/** What a page did that it must not: console errors, CSP violations, requests off its origin. */
export interface Recorder {
  consoleErrors: string[];
  cspViolations: string[];
  /** Requests to other origins that left the browser (CSP-blocked attempts are not here). */
  offOrigin: string[];
  /** Attempts the page's CSP stopped before they were sent. */
  blockedByCsp: string[];
  requests: string[];
}

/** Opens `url` in a new page of `context` (or in `existing`, e.g. one a test is already tracing), recording what it must not do. */
export async function openPage(context: BrowserContext, url: string, existing?: Page): Promise<{ page: Page; rec: Recorder }> {
  const page = existing ?? (await context.newPage());
  const origin = new URL(url).origin;
  const rec: Recorder = { consoleErrors: [], cspViolations: [], offOrigin: [], blockedByCsp: [], requests: [] };
  await page.addInitScript(() => {
    // For tests that check a page adds no history entry while it loads.
    (window as unknown as { historyAtStart: number }).historyAtStart = history.length;
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP-VIOLATION ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const text = m.text();
    if (text.startsWith('CSP-VIOLATION') || text.includes('Content Security Policy')) rec.cspViolations.push(text);
    else rec.consoleErrors.push(text);
  });
  page.on('pageerror', (e) => rec.consoleErrors.push(`pageerror: ${e.message}`));
  context.on('request', (r) => {
    const u = r.url();
    rec.requests.push(u);
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) rec.offOrigin.push(u);
  });
  context.on('requestfailed', (r) => {
    const at = rec.offOrigin.indexOf(r.url());
    if (at >= 0 && /csp/i.test(r.failure()?.errorText ?? '')) rec.blockedByCsp.push(...rec.offOrigin.splice(at, 1));
  });
  await page.goto(url);
  return { page, rec };
}

/**
 * What most test files open once before their tests: a fresh browser and one page at `url`,
 * waited on with `ready` (the engine, unless told otherwise). A page that never gets ready
 * closes its browser before the error is passed on.
 */
export async function openReady(
  url: string,
  ready: (page: Page) => Promise<unknown> = waitForEngine
): Promise<{ context: BrowserContext; page: Page; rec: Recorder }> {
  const context = await launch();
  try {
    const { page, rec } = await openPage(context, url);
    await ready(page);
    return { context, page, rec };
  } catch (e) {
    await context.close();
    throw e;
  }
}

/** Holds every request of `context` matching `glob` until the returned function is called. */
export async function holdRequests(context: BrowserContext, glob: string): Promise<() => void> {
  let release: () => void = () => {};
  const held = new Promise<void>((r) => (release = r));
  await context.route(glob, async (route) => {
    await held;
    await route.continue().catch(() => {}); // the page may have closed meanwhile
  });
  return () => release();
}

/**
 * Holds every request of `context` for a .wasm file (DuckDB-WASM's, made by its worker) until
 * the returned function is called: the page before the engine can be looked at.
 */
export const holdWasm = (context: BrowserContext) => holdRequests(context, '**/*.wasm');

/** Waits until DuckDB-WASM has loaded and the page is interactive. */
export async function waitForEngine(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="engine-ready"]', { state: 'attached', timeout: 45000 });
}
