import { afterEach, describe, expect, it } from 'vitest';
import { engineState } from '$lib/db/engine-state.svelte';
import type { Clause } from '$lib/filter/clause';
import { currentPage, type PageFilters } from './current-page.svelte';
import { downloadRequest, NAMES_FAILED, NAMES_PENDING } from './download-spec';

const muni: Clause = { source: 'muni', field: 'participation.lg_code', predicate: { kind: 'in', values: ['131016'] } };
const url = new URL('https://example.org/cases?muni=131016');
/** The page on screen, as PageFrame registers it: its texts, and whether a name in them is still unknown. */
const onScreen = (chips: string[], unnamed: boolean): PageFilters => ({ clauses: () => [muni], chips: () => chips, unnamed: () => unnamed });
const ask = () => downloadRequest(currentPage.value!.clauses(), currentPage.value!.chips(), url);

afterEach(() => {
  currentPage.value = null;
  engineState.error = null;
});

describe('downloadRequest', () => {
  it('waits, saying why, while a name in the page’s filters is being looked up', () => {
    currentPage.value = onScreen(['参加市区町村: （名称を確認中）'], true);
    expect(ask().waiting).toBe(NAMES_PENDING);
  });

  it('says the files cannot be written when the engine that would name them failed', () => {
    currentPage.value = onScreen(['参加市区町村: 131016'], true);
    engineState.error = '分析エンジンを起動できませんでした';
    expect(ask().waiting).toBe(NAMES_FAILED);
  });

  it('offers the files once named: file name, dialog line and metadata carry the name', () => {
    currentPage.value = onScreen(['参加市区町村: 千代田区'], false);
    const req = ask();
    expect(req.waiting).toBeUndefined();
    expect(req.fileStem).toEqual(['kyodo-chotatsu', '千代田区']);
    expect(req.describeFilters).toBe('参加市区町村: 千代田区');
    expect(req.metadata.filters).toBe('参加市区町村: 千代田区');
  });
});
