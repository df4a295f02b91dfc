import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { arrowToRows } from '../src/lib/db/arrow-rows';
import type { Row } from '../src/lib/db/types';
import type { PageDecl } from '../src/lib/filter/page-context';
import { compileBindings, type Bindings } from '../src/lib/query/query-binding';
import { CLICK_PAGES } from '../src/routes/figures/pages';
import { launch, openPage, waitForEngine } from './support/browser';
import { direct } from './support/oracle';

/**
 * Build-time answers stand in for DuckDB-WASM, also after it is ready (LiveQuery answers a
 * SQL text that figures/<page>.json or the prerendered HTML holds without a worker round
 * trip). They come from native DuckDB (another version than the wasm build), so this checks
 * that they are exactly what DuckDB-WASM in the browser answers: EVERY one-click query of
 * every page's file, and every page's default view, run on the page's own DuckDB-WASM
 * connection and read back as the app reads it (Arrow IPC → arrowToRows).
 */
const base = inject('baseUrl');
let context: BrowserContext;
let page: Page;

type Hook = { __q: { worker?: Worker; conn?: number; next: number } };

beforeAll(async () => {
  context = await launch();
  // Remembers DuckDB's worker and the connection the app queries on.
  await context.addInitScript(() => {
    const w = window as unknown as Hook;
    w.__q = { next: 2e9 };
    const Native = window.Worker;
    window.Worker = class extends Native {
      constructor(url: string | URL, opts?: WorkerOptions) {
        super(url, opts);
        w.__q.worker = this;
      }
      postMessage(m: unknown, t?: unknown) {
        const msg = m as { type?: string; data?: unknown[] };
        if (msg?.type === 'RUN_QUERY' && w.__q.conn === undefined) w.__q.conn = msg.data![0] as number;
        return super.postMessage(m, t as Transferable[]);
      }
    } as typeof Worker;
  });
  ({ page } = await openPage(context, `${base}/`));
  await waitForEngine(page);
  await page.waitForFunction(() => (window as unknown as Hook).__q.conn !== undefined, null, { timeout: 30000 });
});
afterAll(async () => {
  await context?.close();
});

/** `sql` on the page's DuckDB-WASM (its worker, its connection), rows as the app makes them. */
async function wasm(sql: string): Promise<Row[]> {
  const bytes = await page.evaluate(
    (text) =>
      new Promise<number[]>((resolve, reject) => {
        const q = (window as unknown as Hook).__q;
        const id = q.next++;
        const listen = (e: MessageEvent) => {
          if (e.data?.requestId !== id) return;
          e.stopImmediatePropagation();
          q.worker!.removeEventListener('message', listen);
          if (e.data.type === 'QUERY_RESULT') resolve(Array.from(e.data.data as Uint8Array));
          else reject(new Error(String(e.data.data?.message ?? e.data.type)));
        };
        q.worker!.addEventListener('message', listen);
        q.worker!.postMessage({ messageId: id, type: 'RUN_QUERY', data: [q.conn, text] });
      }),
    sql
  );
  return arrowToRows(tableFromIPC(new Uint8Array(bytes)));
}

describe('build-time answers equal DuckDB-WASM’s', () => {
  for (const [name, { page: decl, bindings }] of Object.entries(CLICK_PAGES) as [string, { page: PageDecl; bindings: Bindings }][]) {
    it(`${name}: every query of figures/${name}.json, and the default view, answer the same rows in the browser`, async () => {
      const file = (await (await fetch(`${base}/figures/${name}.json`)).json()) as Record<string, Row[]>;
      const entries = Object.entries(file);
      expect(entries.length).toBeGreaterThan(10);
      const differ: string[] = [];
      for (const [sql, rows] of entries) {
        const got = await wasm(sql);
        try {
          expect(got).toEqual(rows);
        } catch {
          differ.push(sql);
        }
      }
      expect(differ).toEqual([]);
      // The prerendered figures: the same SQL, run natively at build time.
      for (const compiled of Object.values(compileBindings(decl, bindings, []))) {
        if (!compiled.ok) throw new Error(compiled.error);
        expect(await wasm(compiled.sql)).toEqual(await direct(compiled));
      }
    });
  }
});
