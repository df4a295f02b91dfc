import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { launch, openPage, waitForEngine } from './support/browser';

// The built site as `npm start` serves it (scripts/serve.js): precompressed files with the
// right encoding, and exactly the response headers docs/deploying.md tells nginx, Apache
// httpd and IIS to send. The policies are read from the document, so the two cannot drift.
const base = inject('baseUrl');
const dir = process.env.BUILD_DIR ?? 'build';
const assets = readdirSync(join(dir, '_app/immutable/assets'));
const asset = (re: RegExp) => `/_app/immutable/assets/${assets.find((f) => re.test(f) && !/\.(br|gz)$/.test(f))!}`;
const wasm = asset(/^duckdb-eh\..*\.wasm$/);
const worker = asset(/^duckdb-browser-eh\.worker\..*\.js$/);

const doc = readFileSync('docs/deploying.md', 'utf8');
const policyAfter = (label: string) => new RegExp(`\\*${label}\\*[\\s\\S]*?\`\`\`\\n([^\\n]+)\\n\`\`\``).exec(doc)?.[1];
const BASE = policyAfter('Base policy');
const PAGE = policyAfter('Page policy');

/** The response as sent (fetch would decode the body): status, headers, raw bytes. */
interface Raw {
  status: number;
  header: (name: string) => string | null;
  body: Buffer;
}
const get = (path: string, encoding: string, extra: Record<string, string> = {}): Promise<Raw> =>
  new Promise((resolve, reject) => {
    httpGet(`${base}${path}`, { headers: { 'Accept-Encoding': encoding, ...extra } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const h = (name: string) => {
          const v = res.headers[name.toLowerCase()];
          return v === undefined ? null : Array.isArray(v) ? v.join(', ') : String(v);
        };
        resolve({ status: res.statusCode ?? 0, header: h, body: Buffer.concat(chunks) });
      });
    }).on('error', reject);
  });
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('serving: precompressed files and the documented headers', () => {
  it('the document states both policies, and every server config in it uses exactly them', () => {
    expect(BASE).toMatch(/^default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; /);
    expect(PAGE).toBe(BASE!.replace("'wasm-unsafe-eval';", "'wasm-unsafe-eval' 'unsafe-inline';"));
    const inConfigs = [...doc.matchAll(/"(default-src [^"]+)"/g)].map((m) => m[1]);
    expect(inConfigs.length).toBeGreaterThanOrEqual(6); // nginx, Apache, IIS: two each
    for (const p of inConfigs) expect([BASE, PAGE]).toContain(p);
  });

  it('sends the DuckDB wasm as the precompressed brotli file when asked, gzip otherwise, and the same bytes either way', async () => {
    const original = readFileSync(join(dir, wasm));
    const br = await get(wasm, 'gzip, deflate, br');
    expect(br.status).toBe(200);
    expect(br.header('content-encoding')).toBe('br');
    expect(br.header('content-type')).toBe('application/wasm');
    expect(br.header('vary')).toMatch(/Accept-Encoding/i);
    expect(br.header('cache-control')).toBe('public, max-age=31536000, immutable');
    const brBody = br.body;
    expect(brBody.length).toBe(readFileSync(join(dir, `${wasm}.br`)).length);
    expect(brBody.length).toBeLessThan(original.length / 5);
    expect(sha(brotliDecompressSync(brBody))).toBe(sha(original));

    const gz = await get(wasm, 'gzip');
    expect(gz.header('content-encoding')).toBe('gzip');
    expect(gz.header('content-type')).toBe('application/wasm');
    expect(sha(gunzipSync(gz.body))).toBe(sha(original));

    const plain = await get(wasm, 'identity');
    expect(plain.header('content-encoding')).toBeNull();
    expect(plain.body.length).toBe(original.length);
  });

  it('pages: the page policy, nosniff, no referrer, revalidated on every visit; compressed too', async () => {
    for (const path of ['/', '/cases', '/about']) {
      const res = await get(path, 'br');
      expect(res.status).toBe(200);
      expect(res.header('content-type')).toMatch(/^text\/html/);
      expect(res.header('content-encoding')).toBe('br');
      expect(res.header('content-security-policy')).toBe(PAGE);
      expect(res.header('x-content-type-options')).toBe('nosniff');
      expect(res.header('referrer-policy')).toBe('no-referrer');
      expect(res.header('cache-control')).toBe('no-cache');
      // The meta policy that narrows the header's 'unsafe-inline' to the hashed bootstrap.
      const html = brotliDecompressSync(res.body).toString('utf8');
      expect(html).toMatch(/<meta http-equiv="content-security-policy" content="[^"]*script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
      expect(html).not.toMatch(/<meta http-equiv="content-security-policy" content="[^"]*unsafe-inline'[^"]*script-src/);
    }
  });

  it('the worker script, the data and everything else: the base policy; data revalidated, hashed assets immutable', async () => {
    const w = await get(worker, 'br');
    expect(w.header('content-security-policy')).toBe(BASE);
    expect(w.header('content-type')).toMatch(/javascript/);
    expect(w.header('cache-control')).toBe('public, max-age=31536000, immutable');
    const data = await get('/data/case.parquet', 'br, gzip');
    expect(data.status).toBe(200);
    expect(data.header('content-security-policy')).toBe(BASE);
    expect(data.header('cache-control')).toBe('no-cache');
    expect(data.header('x-content-type-options')).toBe('nosniff');
    // Parquet is compressed inside (zstd): never compressed again.
    expect(data.header('content-encoding')).toBeNull();
    expect(data.body.subarray(0, 4).toString()).toBe('PAR1');
    const etag = data.header('etag');
    expect(etag).toBeTruthy();
    const again = await get('/data/case.parquet', 'br, gzip', { 'If-None-Match': etag! });
    expect(again.status).toBe(304);
  });

  it('a missing file is a plain 404 with the headers, never a page (DuckDB extension lookups)', async () => {
    const res = await get('/duckdb-extensions/v1.4.3/wasm_eh/json.duckdb_extension.wasm', 'br');
    expect(res.status).toBe(404);
    expect(res.header('content-type')).toMatch(/^text\/plain/);
    expect(res.header('content-security-policy')).toBe(BASE);
    expect(res.header('x-content-type-options')).toBe('nosniff');
  });

  it('Chromium loads the site under these headers: engine ready, no CSP violation, nothing off the origin', async () => {
    const context = await launch();
    try {
      const { page, rec } = await openPage(context, `${base}/`);
      await waitForEngine(page);
      expect(await page.getByTestId('kpi-case-count').textContent()).toMatch(/\d/);
      expect(rec.cspViolations).toEqual([]);
      expect(rec.consoleErrors).toEqual([]);
      expect(rec.offOrigin).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
