import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'
];

/**
 * A fresh profile each time: nothing cached, like a first visit. Service workers (the
 * offline cache) are blocked unless asked for: tests that serve broken files or count
 * requests must see the network, and tests/offline-revisit.e2e.ts tests the worker itself.
 */
export async function launch(opts: { serviceWorkers?: 'allow' | 'block'; profile?: string } = {}): Promise<BrowserContext> {
  // A profile made here is removed when the browser closes (a caller's own profile is kept).
  const own = opts.profile === undefined ? mkdtempSync(join(tmpdir(), 'e2e-profile-')) : undefined;
  const context = await chromium.launchPersistentContext(opts.profile ?? own!, {
    executablePath: CHROMIUM,
    serviceWorkers: opts.serviceWorkers ?? 'block',
    args: FLAGS,
    headless: true,
    viewport: { width: 1280, height: 900 },
    locale: 'ja-JP',
    acceptDownloads: true
  });
  if (own) context.on('close', () => removeProfile(own));
  return context;
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

export async function openPage(context: BrowserContext, url: string): Promise<{ page: Page; rec: Recorder }> {
  const page = await context.newPage();
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

/** Waits until DuckDB-WASM has loaded and the page is interactive. */
export async function waitForEngine(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="engine-ready"]', { state: 'attached', timeout: 45000 });
}
