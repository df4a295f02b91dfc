/** Hand-over from the early script to BrowserEngine.start, and the marker that lets it run. */
import { describe, expect, it } from 'vitest';
import { EARLY_ENGINE } from './early-engine.js';
import { forgetWarmEngine, rememberWarmEngine, takeEarlyEngine, type EarlyEngine } from './early-handover';

const CHOICE = { worker: 'http://site.test/w.js', wasm: 'http://site.test/duckdb-eh.wasm' };

function scopeWithEarly(over: Partial<EarlyEngine> = {}) {
  let terminated = 0;
  const files = { 'http://site.test/data/case.parquet': Promise.resolve(new Response('PAR1')) };
  const early = {
    key: 'v1',
    ...CHOICE,
    files,
    w: { terminate: () => terminated++ } as unknown as Worker,
    wasmOutcome: Promise.resolve({ ok: true }),
    instantiated: Promise.resolve(),
    opened: Promise.resolve(),
    connected: Promise.resolve(0),
    ...over
  } as EarlyEngine;
  const scope: Record<string, unknown> = { [EARLY_ENGINE.global]: early };
  return { scope, early, files, terminated: () => terminated };
}

describe('taking what the early script started', () => {
  it('adopts the worker and the fetches when build, worker and wasm are the ones this start chooses — once', () => {
    const { scope, early, files, terminated } = scopeWithEarly();
    expect(takeEarlyEngine('v1', CHOICE, scope)).toEqual({ engine: early, files });
    expect(terminated()).toBe(0);
    // A retry (or a second instance) starts its own worker.
    expect(takeEarlyEngine('v1', CHOICE, scope)).toEqual({ engine: null, files: {} });
  });

  it('nothing started: the normal start', () => {
    expect(takeEarlyEngine('v1', CHOICE, {})).toEqual({ engine: null, files: {} });
  });

  it('another build: its worker is ended and nothing is used', () => {
    const { scope, terminated } = scopeWithEarly({ key: 'v0' });
    expect(takeEarlyEngine('v1', CHOICE, scope)).toEqual({ engine: null, files: {} });
    expect(terminated()).toBe(1);
  });

  it('another worker or wasm than this start would choose: that worker is ended, the Parquet fetches are still used', () => {
    for (const other of [{ worker: 'http://site.test/mvp.js' }, { wasm: 'http://site.test/duckdb-mvp.wasm' }]) {
      const { scope, files, terminated } = scopeWithEarly(other);
      expect(takeEarlyEngine('v1', CHOICE, scope)).toEqual({ engine: null, files });
      expect(terminated()).toBe(1);
    }
  });
});

describe('the marker', () => {
  it('is written under the key the early script reads, and removed by a failed start', () => {
    const stored = new Map<string, string>();
    const storage = { setItem: (k: string, v: string) => void stored.set(k, v), removeItem: (k: string) => void stored.delete(k) };
    const marker = { key: 'v1', ...CHOICE, files: ['http://site.test/data/case.parquet'] };
    rememberWarmEngine(marker, storage);
    expect(JSON.parse(stored.get(EARLY_ENGINE.marker)!)).toEqual(marker);
    forgetWarmEngine(storage);
    expect(stored.has(EARLY_ENGINE.marker)).toBe(false);
  });

  it('storage that is off or full costs the early start, never the engine', () => {
    const throwing = {
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      }
    };
    expect(() => rememberWarmEngine({ key: 'v1', ...CHOICE, files: [] }, throwing)).not.toThrow();
    expect(() => forgetWarmEngine(throwing)).not.toThrow();
    expect(() => rememberWarmEngine({ key: 'v1', ...CHOICE, files: [] }, undefined)).not.toThrow();
  });
});
