import { afterEach, describe, expect, it } from 'vitest';
import { engineState } from '$lib/db/engine-state.svelte';
import type { Clause } from '$lib/filter/clause';
import { downloadRequest, NAMES_FAILED, NAMES_PENDING } from './download-spec';

const muni: Clause = { source: 'muni', field: 'participation.lg_code', predicate: { kind: 'in', values: ['131016'] } };
const url = new URL('https://example.org/cases?muni=131016');
/** The page on screen's filter texts, and whether a name in them is still unknown (as the layout passes them). */
const ask = (chips: string[], unnamed: boolean) => downloadRequest([muni], chips, url, unnamed);

afterEach(() => {
  engineState.error = null;
});

describe('downloadRequest', () => {
  it('waits, saying why, while a name in the page’s filters is being looked up', () => {
    expect(ask(['参加市区町村: （名称を確認中）'], true).waiting).toBe(NAMES_PENDING);
  });

  it('says the files cannot be written when the engine that would name them failed', () => {
    engineState.error = '分析エンジンを起動できませんでした';
    expect(ask(['参加市区町村: 131016'], true).waiting).toBe(NAMES_FAILED);
  });

  it('offers the files once named: file name, dialog line and metadata carry the name', () => {
    const req = ask(['参加市区町村: 千代田区'], false);
    expect(req.waiting).toBeUndefined();
    expect(req.fileStem).toEqual(['kyodo-chotatsu', '千代田区']);
    expect(req.describeFilters).toBe('参加市区町村: 千代田区');
    expect(req.metadata.filters).toBe('参加市区町村: 千代田区');
  });
});
