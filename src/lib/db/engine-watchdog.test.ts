import { afterEach, describe, expect, it, vi } from 'vitest';
import { stallGuard, WatchedEngine } from './engine-watchdog';
import type { QueryEngine, Row } from './types';

afterEach(() => {
  vi.useRealTimers();
});

describe('WatchedEngine', () => {
  it('passes answers and errors through untouched', async () => {
    const dead = vi.fn();
    const inner: QueryEngine = { query: async (sql) => (sql === 'bad' ? Promise.reject(new Error('Binder Error: x')) : [{ n: 1 }]) };
    const e = new WatchedEngine(inner, dead, 1000);
    expect(await e.query('ok')).toEqual([{ n: 1 }]);
    await expect(e.query('bad')).rejects.toThrow('Binder Error: x');
    expect(dead).not.toHaveBeenCalled();
  });

  it('reports a silent (terminated) engine dead once, and rejects every waiting query', async () => {
    vi.useFakeTimers();
    const dead = vi.fn();
    const never: QueryEngine = { query: () => new Promise<Row[]>(() => {}) };
    const e = new WatchedEngine(never, dead, 1000);
    const a = e.query('a');
    const b = e.query('b');
    const settled = Promise.allSettled([a, b]);
    await vi.advanceTimersByTimeAsync(999);
    expect(dead).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    const results = await settled;
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(dead).toHaveBeenCalledTimes(1);
    expect(String(dead.mock.calls[0]![0])).toContain('応答しません');
  });
});

describe('stallGuard', () => {
  it('rejects only after the limit passes without progress', async () => {
    vi.useFakeTimers();
    const guard = stallGuard(() => 'stuck at engine', 5000);
    let error: unknown = null;
    guard.stalled.catch((e: unknown) => (error = e));
    await vi.advanceTimersByTimeAsync(4900); // the first (download) limit is the longer one
    guard.touch(1000);
    for (let i = 0; i < 5; i++) {
      await vi.advanceTimersByTimeAsync(900);
      guard.touch(1000);
    }
    expect(error).toBeNull();
    await vi.advanceTimersByTimeAsync(1000);
    expect(String(error)).toContain('stuck at engine');
  });

  it('stays quiet once stopped', async () => {
    vi.useFakeTimers();
    const guard = stallGuard(() => 'x', 1000);
    let error: unknown = null;
    guard.stalled.catch((e: unknown) => (error = e));
    guard.stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(error).toBeNull();
  });
});
