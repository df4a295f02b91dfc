/**
 * Validation time and memory of 「自分のデータで見る」 in Chromium: serves build/
 * (scripts/serve.js), picks `<dir>/cases.csv` + `participation.csv` on /own-data,
 * and reports the worker's validation time (as the page shows it), the wall time
 * from picking to the verdict, and the peak RSS of the page's renderer process (the
 * worker runs inside it) and of all the browser's processes, sampled every 100 ms.
 *
 *   npx vite build && npx tsx scripts/data/tools/bench-own-data.ts <dir> [runs=3]
 */
import { execSync, spawn } from 'node:child_process';
import { LAUNCH } from '../../chromium-launch';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [dir, runsArg] = process.argv.slice(2);
if (!dir) throw new Error('usage: bench-own-data.ts <dir> [runs]');
const runs = Number(runsArg ?? 3);

function rss(profile: string): { renderer: number; total: number } {
  const out = execSync('ps -eo rss=,args=', { maxBuffer: 1 << 24 }).toString();
  let renderer = 0;
  let total = 0;
  for (const line of out.split('\n')) {
    // Only this run's browser: every child process carries the profile directory.
    if (!line.includes(profile)) continue;
    const kb = Number(line.trim().split(/\s+/, 1)[0]);
    total += kb;
    if (line.includes('--type=renderer')) renderer = Math.max(renderer, kb);
  }
  return { renderer: renderer / 1024, total: total / 1024 };
}

const server = spawn(process.execPath, ['scripts/serve.js', '--port', '0', '--dir', 'build'], { stdio: ['ignore', 'pipe', 'inherit'] });
const base = await new Promise<string>((resolve) => server.stdout.on('data', (c: Buffer) => /http:\/\/localhost:\d+/.exec(c.toString()) && resolve(/http:\/\/localhost:\d+/.exec(c.toString())![0])));
const results: { validateMs: number; wallMs: number; rendererMB: number; totalMB: number }[] = [];
try {
  for (let i = 0; i < runs; i++) {
    const profile = mkdtempSync(join(tmpdir(), 'own-data-bench-'));
    // The profile path also marks the renderer processes' command lines.
    const context = await chromium.launchPersistentContext(profile, { ...LAUNCH });
    try {
      const page = await context.newPage();
      await page.goto(`${base}/own-data`);
      let peak = { renderer: 0, total: 0 };
      const sampler = setInterval(() => {
        const r = rss(profile);
        peak = { renderer: Math.max(peak.renderer, r.renderer), total: Math.max(peak.total, r.total) };
      }, 100);
      const t0 = Date.now();
      await page.getByTestId('own-data-input').setInputFiles([join(dir, 'cases.csv'), join(dir, 'participation.csv')]);
      await page.waitForSelector('[data-testid="own-data-status"][data-runs="1"]', { timeout: 600_000 });
      const wallMs = Date.now() - t0;
      clearInterval(sampler);
      const text = (await page.getByTestId('own-data-status').textContent()) ?? '';
      const validateMs = Number(/検証 ([\d,]+) ms/.exec(text)?.[1]?.replace(/,/g, '') ?? NaN);
      results.push({ validateMs, wallMs, rendererMB: Math.round(peak.renderer), totalMB: Math.round(peak.total) });
      console.log(JSON.stringify({ run: i + 1, status: await page.getByTestId('own-data-status').getAttribute('data-status'), ...results.at(-1) }));
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  }
} finally {
  server.kill();
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const k of ['validateMs', 'wallMs', 'rendererMB', 'totalMB'] as const) {
  const xs = results.map((r) => r[k]);
  console.log(`${k}: median ${median(xs)} (${Math.min(...xs)}–${Math.max(...xs)})`);
}
