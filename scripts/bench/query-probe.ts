// npx tsx scripts/bench/query-probe.ts [--build dir] [--reps 15] [--file queries.sql]
//
// How long the DuckDB-WASM worker itself takes for a query, with the page's main thread idle:
// loads the overview of a built site, waits for the engine, then posts RUN_QUERY messages to
// DuckDB's worker directly (on the page's own connection) and times each round trip from
// postMessage to the answer. Statements in --file are separated by lines of `-- ---`; a
// statement whose first line is `-- setup` runs once, untimed (e.g. a CREATE TABLE to try).
// Without --file it times the overview's own queries for a few one-click states.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { LAUNCH } from '../chromium-launch';
import { createSiteHandler } from '../site-server.js';
import { overviewBindings } from '../../src/routes/overview-queries';
import { spread, fmt } from './stats';

const argv = process.argv.slice(2);
const opt = (name: string, dflt: string) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1]! : dflt);
const dir = resolve(opt('build', 'build'));
const reps = Number(opt('reps', '15'));

type Probe = { label: string; sql: string; setup: boolean };
function probes(): Probe[] {
  const file = opt('file', '');
  if (file) {
    return readFileSync(file, 'utf8').split(/^-- ---.*$/m).map((s) => s.trim()).filter(Boolean).map((s, i) => {
      const first = s.split('\n')[0]!;
      return { label: first.startsWith('--') ? first.replace(/^--\s*/, '') : `q${i + 1}`, sql: s, setup: /^-- setup/.test(first) };
    });
  }
  const out: Probe[] = [];
  for (const system of ['S01', 'S07', 'S15']) {
    const f = [{ source: 'ov-systems', field: 'cases.system_id', predicate: { kind: 'in' as const, values: [system] } }];
    for (const [name, b] of Object.entries(overviewBindings)) {
      if (b.scope === 'ov-systems') continue;
      const c = b.compile(f);
      if (c.ok) out.push({ label: `${name} ${system}`, sql: c.sql, setup: false });
    }
  }
  return out;
}

const handler = createSiteHandler(dir, {});
const server = createServer((req, res) => handler(req, res));
const port = await new Promise<number>((r) => server.listen(0, '127.0.0.1', () => r((server.address() as { port: number }).port)));
const profile = mkdtempSync(join(tmpdir(), 'probe-profile-'));
const context = await chromium.launchPersistentContext(profile, { ...LAUNCH });
await context.addInitScript(() => {
  const w = window as unknown as { __probe: { worker?: Worker; conn?: number; pending: Map<number, (t: number) => void> } };
  w.__probe = { pending: new Map() };
  const Native = window.Worker;
  window.Worker = class extends Native {
    constructor(url: string | URL, opts?: WorkerOptions) {
      super(url, opts);
      w.__probe.worker = this;
      this.addEventListener('message', (e: MessageEvent) => {
        const done = w.__probe.pending.get(e.data?.requestId);
        if (done && e.data.requestId >= 1e9) {
          e.stopImmediatePropagation();
          w.__probe.pending.delete(e.data.requestId);
          done(performance.now());
        }
      });
    }
    postMessage(m: unknown, t?: unknown) {
      const msg = m as { type?: string; data?: unknown[] };
      if (msg?.type === 'RUN_QUERY' && w.__probe.conn === undefined) w.__probe.conn = msg.data![0] as number;
      return super.postMessage(m, t as Transferable[]);
    }
  } as typeof Worker;
});
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(`http://127.0.0.1:${port}/`);
await page.waitForFunction(() => performance.getEntriesByName('engine-ready').length > 0, null, { timeout: 120000 });
await page.waitForTimeout(1500);

let nextId = 1e9;
const run = (sql: string) =>
  page.evaluate(
    ([sql, id]) =>
      new Promise<number>((res) => {
        const w = window as unknown as { __probe: { worker: Worker; conn: number; pending: Map<number, (t: number) => void> } };
        const t0 = performance.now();
        w.__probe.pending.set(id as number, (t) => res(t - t0));
        w.__probe.worker.postMessage({ messageId: id, type: 'RUN_QUERY', data: [w.__probe.conn, sql] });
      }),
    [sql, nextId++] as const
  );

const list = probes();
for (const p of list.filter((p) => p.setup)) console.log(`setup ${p.label}: ${(await run(p.sql)).toFixed(1)} ms`);
const timed = list.filter((p) => !p.setup);
const times: Record<string, number[]> = Object.fromEntries(timed.map((p) => [p.label, []]));
// Round-robin, so that every query sees the same machine load.
for (let r = 0; r < reps; r++) for (const p of timed) times[p.label]!.push(await run(p.sql));
console.log(`\nworker round trip, main thread idle (${reps} reps, ${dir}): median (min–max)`);
for (const p of timed) console.log(`${fmt(spread(times[p.label]!), 'ms', 1).padEnd(28)} ${p.label}`);
await context.close();
rmSync(profile, { recursive: true, force: true });
server.close();
