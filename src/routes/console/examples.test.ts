import { describe, expect, it } from 'vitest';
import { dataset } from '$model/dataset';
import { NativeEngine } from '$lib/db/native-engine';
import { model } from '$model/kyodo-model';
import { fieldLabel, measureLabel } from '$lib/model/labels';
import { EXAMPLES } from './examples';

describe('the console examples', () => {
  it('every example runs on the model views and labels its columns from the model', async () => {
    const db = await NativeEngine.open(dataset, 'static/data');
    for (const e of EXAMPLES.filter((x) => !/100万行/.test(x.label))) {
      const rows = await db.query(e.sql);
      expect(rows.length, e.label).toBeGreaterThan(0);
    }
    const bySystem = await db.query(EXAMPLES[0]!.sql);
    expect(Object.keys(bySystem[0]!)).toEqual([fieldLabel(model, 'system.division'), fieldLabel(model, 'system.system_name'), measureLabel(model, 'case_count')]);
    expect(bySystem.reduce((s, r) => s + Number(r[measureLabel(model, 'case_count')]), 0)).toBe((await db.query('SELECT count(*)::INT AS n FROM cases'))[0]!.n);
  });
});
