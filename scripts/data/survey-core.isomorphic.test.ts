/**
 * One validator for the build and the browser: the core (survey-core.ts) is
 * bundled for the browser with esbuild — which fails on any node: import — and
 * run inside a Web Worker in Chromium; its results must equal Node's exactly,
 * for valid input (UTF-8, Shift_JIS + CRLF) and for malformed input.
 */
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from '../../tests/support/browser.js';
import { allRows, parseReference, processSurvey, type SurveyResult, type Tables } from './survey-core.js';
import { crlf, shiftJis, utf8 } from './test-support/survey-fixture.js';

const referenceText = {
  prefectures: readFileSync('data/reference/prefectures.csv', 'utf8'),
  municipalities: readFileSync('data/reference/municipalities.csv', 'utf8'),
};
const bundledCases = readFileSync('data/survey/cases.csv');
const bundledPart = readFileSync('data/survey/participation.csv');

/** Results as plain data (tables as arrays), the same shape on both sides. */
type Plain = { ok: true; tables: Record<string, unknown[]> } | { ok: false; problems: unknown[] };
function plain(r: SurveyResult): Plain {
  if (!r.ok) return { ok: false, problems: r.problems };
  return { ok: true, tables: Object.fromEntries(Object.entries(r.tables as Tables).map(([k, set]) => [k, allRows(set)])) };
}

const INPUTS: [string, Uint8Array, Uint8Array][] = [
  ['the bundled survey (UTF-8)', bundledCases, bundledPart],
  ['the bundled survey as Excel writes it (Shift_JIS, CRLF)', shiftJis(crlf(bundledCases.toString('utf8'))), shiftJis(crlf(bundledPart.toString('utf8')))],
  [
    'a malformed survey (bad band, NUL, unknown case, stray quote in participation)',
    utf8(bundledCases.toString('utf8').replace(',5百万未満,', ',五百万,').replace('北海道セキュリティクラウド', '北海道\u0000クラウド')),
    utf8(`${bundledPart.toString('utf8')}X9,141003\nX9,141305\n"C0001" ,141003\n`),
  ],
];

let code = '';
let inputs: string[] = [];
let context: BrowserContext | undefined;
let page: Page;

beforeAll(async () => {
  const out = await build({ entryPoints: ['scripts/data/survey-core.ts'], bundle: true, platform: 'browser', format: 'iife', globalName: 'SurveyCore', write: false, metafile: true, logLevel: 'silent' });
  code = out.outputFiles[0]?.text ?? '';
  inputs = Object.keys(out.metafile.inputs);
  context = await launch();
  page = await context.newPage();
  await page.route('http://core.test/**', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>core</title>' }));
  await page.goto('http://core.test/');
}, 60_000);
afterAll(async () => context?.close());

/** Runs the bundled core in a dedicated Web Worker of the page. */
async function inWorker(cases: Uint8Array, participation: Uint8Array): Promise<Plain> {
  const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
  return page.evaluate(
    async ({ code, cases, participation, ref }) => {
      const worker = `${code}
self.onmessage = (e) => {
  const bytes = (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
  const { cases, participation, ref } = e.data;
  const r = SurveyCore.processSurvey({ cases: bytes(cases), participation: bytes(participation) }, SurveyCore.parseReference(ref));
  const tables = r.ok ? Object.fromEntries(Object.entries(r.tables).map(([k, set]) => [k, SurveyCore.allRows(set)])) : null;
  self.postMessage({ inWorker: typeof document === 'undefined' && typeof process === 'undefined', result: r.ok ? { ok: true, tables } : { ok: false, problems: r.problems } });
};`;
      const w = new Worker(URL.createObjectURL(new Blob([worker], { type: 'text/javascript' })));
      const reply = await new Promise<{ inWorker: boolean; result: unknown }>((resolve, reject) => {
        w.onmessage = (e) => resolve(e.data as { inWorker: boolean; result: unknown });
        w.onerror = (e) => reject(new Error(e.message));
        w.postMessage({ cases, participation, ref });
      });
      w.terminate();
      if (!reply.inWorker) throw new Error('not in a worker');
      return reply.result;
    },
    { code, cases: b64(cases), participation: b64(participation), ref: referenceText },
  ) as Promise<Plain>;
}

describe('the survey core is isomorphic', () => {
  it('bundles for the browser with nothing from node: and nothing outside scripts/data', () => {
    expect(code.length).toBeGreaterThan(1000);
    expect(inputs.length).toBeGreaterThan(10);
    for (const f of inputs) expect(relative('scripts/data', f).startsWith('..'), f).toBe(false);
    expect(code).not.toMatch(/\brequire\(|from ["']node:|["']node:[a-z]/);
  });
  it.each(INPUTS)('gives the same tables and problems in a Chromium Web Worker as in Node: %s', async (_name, cases, participation) => {
    const node = plain(processSurvey({ cases, participation }, parseReference(referenceText)));
    const browser = await inWorker(cases, participation);
    expect(browser).toEqual(node);
    if (node.ok) expect(node.tables['case']?.length).toBe(245);
    else expect(node.problems.length).toBeGreaterThanOrEqual(3);
  }, 60_000);
});
