import { describe, expect, it } from 'vitest';
import { writeAddress } from './address';

/** A history of entries `{ state, url }`, as the browser keeps it, and where it stands. */
function fakeHistory(state: unknown, url: string) {
  const entries = [{ state, url }];
  let at = 0;
  const h = {
    get state() {
      return structuredClone(entries[at]!.state);
    },
    pushState(s: unknown, _title: string, u: string) {
      entries.splice(at + 1, Infinity, { state: structuredClone(s), url: u });
      at += 1;
    },
    replaceState(s: unknown, _title: string, u: string) {
      entries[at] = { state: structuredClone(s), url: u };
    }
  };
  return { h: h as unknown as History, entries: () => entries, at: () => at };
}

// The router's bookkeeping of an entry (its keys are SvelteKit's business, never read here).
const ROUTER = { 'sveltekit:history': 1733555000000, 'sveltekit:navigation': 1733555000000 };

describe('writeAddress', () => {
  it('a filter change adds an entry that carries the current entry’s router state unchanged, with the new address', () => {
    const f = fakeHistory(ROUTER, '/');
    writeAddress('/?ov-systems=S08', 'push', f.h);
    writeAddress('/?ov-systems=S08,S02', 'push', f.h);
    expect(f.entries()).toEqual([
      { state: ROUTER, url: '/' },
      { state: ROUTER, url: '/?ov-systems=S08' },
      { state: ROUTER, url: '/?ov-systems=S08,S02' }
    ]);
    expect(f.at()).toBe(2);
  });

  it('correcting an opened link replaces the entry’s address and keeps its router state (no entry added)', () => {
    const f = fakeHistory(ROUTER, '/cases?pref=14,,13,');
    writeAddress('/cases?pref=14,13', 'replace', f.h);
    expect(f.entries()).toEqual([{ state: ROUTER, url: '/cases?pref=14,13' }]);
  });
});
