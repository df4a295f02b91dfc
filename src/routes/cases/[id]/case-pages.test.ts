import { describe, expect, it } from 'vitest';
import { dataset } from '$model/dataset';
import { NativeEngine } from '$lib/db/native-engine';
import { casePageLimit, DEFAULT_CASE_PAGES, pagedCaseIdsQuery } from './case-pages';

describe('case-detail pages a build writes', () => {
  it('reads CASE_PAGES: a whole number, "all", or the default', () => {
    expect(casePageLimit(undefined)).toBe(DEFAULT_CASE_PAGES);
    expect(casePageLimit('')).toBe(DEFAULT_CASE_PAGES);
    expect(casePageLimit('all')).toBeUndefined();
    expect(casePageLimit('20')).toBe(20);
    expect(casePageLimit('0')).toBe(0);
    for (const bad of ['-1', '1.5', 'many']) expect(() => casePageLimit(bad)).toThrow(/CASE_PAGES/);
  });

  it('the survey gets a page for every case by default; a limit takes the first cases in case_id order', async () => {
    const db = await NativeEngine.open(dataset, 'static/data');
    const sql = (q: ReturnType<typeof pagedCaseIdsQuery>) => {
      if (!q.ok) throw new Error(q.error);
      return q.sql;
    };
    const every = (await db.query('SELECT case_id FROM cases ORDER BY case_id')).map((r) => r.case_id);
    expect(every.length).toBe(245);
    expect((await db.query(sql(pagedCaseIdsQuery(casePageLimit(undefined))))).map((r) => r.case_id)).toEqual(every);
    expect((await db.query(sql(pagedCaseIdsQuery(undefined)))).map((r) => r.case_id)).toEqual(every);
    expect((await db.query(sql(pagedCaseIdsQuery(17)))).map((r) => r.case_id)).toEqual(every.slice(0, 17));
  });
});
