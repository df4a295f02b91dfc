/** The early script's place in a prerendered page and its hash in the page's CSP (scripts/critical-hints.js). */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cspHash, withEarlyScript } from './critical-hints.js';
import { earlyEngineScript } from '../src/lib/db/early-engine.js';
import { earlyInputScript } from '../src/lib/ui/early-input.js';

const META = `<meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-kit='; style-src 'self'">`;
const PAGE = `<head><meta charset="utf-8" />${META}<link href="./_app/immutable/entry/start.js" rel="modulepreload"></head>`;

describe('the early script in a page', () => {
  const script = earlyEngineScript('v1');
  const out = withEarlyScript(PAGE, script, cspHash(script), 'index.html');

  it('comes right after the CSP meta, before SvelteKit’s modules, and the meta allows exactly it by its sha256', () => {
    const sha = `'sha256-${createHash('sha256').update(script).digest('base64')}'`;
    expect(out).toContain(`script-src 'self' 'wasm-unsafe-eval' 'sha256-kit=' ${sha};`);
    const metaEnd = out.indexOf('">') + 2;
    expect(out.slice(metaEnd).startsWith(`<script>${script}</script>`)).toBe(true);
    expect(out.indexOf('<script>')).toBeLessThan(out.indexOf('modulepreload'));
  });

  it('is written once (a second pass changes nothing)', () => {
    expect(withEarlyScript(out, script, cspHash(script), 'index.html')).toBe(out);
  });

  it('a page without a CSP meta is an error, not a page whose script runs unchecked', () => {
    expect(() => withEarlyScript('<head></head>', script, cspHash(script), 'x.html')).toThrow(/CSP/);
  });
});

describe('two early scripts in a page (the engine’s and the early input’s)', () => {
  it('each is in the head once and the meta allows both, each by its own sha256', () => {
    const [engine, presses] = [earlyEngineScript('v1'), earlyInputScript()];
    const out = withEarlyScript(withEarlyScript(PAGE, presses, cspHash(presses), 'index.html'), engine, cspHash(engine), 'index.html');
    expect(out.split('<script>').length - 1).toBe(2);
    const csp = /content="([^"]*)"/.exec(out)![1];
    expect(csp).toContain(cspHash(presses));
    expect(csp).toContain(cspHash(engine));
    expect(out.indexOf(presses)).toBeLessThan(out.indexOf('modulepreload'));
  });
});
