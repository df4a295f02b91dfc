/**
 * Plausibility and honesty rules of the bundled dataset: participants drawn from
 * the case's own prefecture, counts consistent, every row labelled, no invented
 * contact details, and the three non-answer states kept apart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDataset, type BuiltDataset } from './test-support/built-dataset.js';
import { ANSWER_KEYS } from './generator/published-rows.js';

let ds: BuiltDataset;
beforeAll(async () => {
  ds = await buildDataset();
}, 60_000);
afterAll(() => ds?.close());

const one = async (sql: string): Promise<unknown> => Object.values((await ds.query(sql))[0] ?? {})[0];

describe('bundled dataset invariants', () => {
  it('has 1,741 municipalities and 47 prefectures whose counts agree', async () => {
    expect(await one('SELECT count(*)::INTEGER FROM municipality')).toBe(1741);
    expect(
      await one(`SELECT count(*)::INTEGER FROM prefecture p WHERE municipality_count <> (SELECT count(*) FROM municipality m WHERE m.prefecture_code = p.prefecture_code)`),
    ).toBe(0);
  });
  it('lists as many participants as 参加自治体数, all from the case prefecture', async () => {
    expect(
      await one(`SELECT count(*)::INTEGER FROM "case" c WHERE participant_count_state = 'answered'
        AND participant_count <> (SELECT count(*) FROM participation x WHERE x.case_id = c.case_id)`),
    ).toBe(0);
    expect(await one(`SELECT count(*)::INTEGER FROM participation x JOIN "case" c USING (case_id) JOIN municipality m USING (lg_code) WHERE m.prefecture_code <> c.prefecture_code`)).toBe(0);
    expect(await one(`SELECT count(*)::INTEGER FROM participation x ANTI JOIN municipality m USING (lg_code)`)).toBe(0);
  });
  it('keeps participants and population within the prefecture', async () => {
    expect(await one(`SELECT count(*)::INTEGER FROM "case" c JOIN prefecture p USING (prefecture_code) WHERE c.participant_count > p.municipality_count`)).toBe(0);
    expect(await one(`SELECT count(*)::INTEGER FROM "case" c JOIN prefecture p USING (prefecture_code) WHERE c.participant_population > p.population_2020`)).toBe(0);
  });
  it('labels every row and lists only known synthetic fields', async () => {
    expect(await one(`SELECT count(*)::INTEGER FROM "case" WHERE provenance NOT IN ('published', 'synthetic')`)).toBe(0);
    expect(await one(`SELECT count(*)::INTEGER FROM participation WHERE provenance NOT IN ('published', 'synthetic')`)).toBe(0);
    const rows = await ds.query(`SELECT provenance, synthetic_fields FROM "case"`);
    for (const r of rows) {
      const fields = String(r['synthetic_fields']).split(',').filter(Boolean);
      if (r['provenance'] !== 'published') expect(fields).toEqual([]);
      for (const f of fields) expect(ANSWER_KEYS).toContain(f);
    }
    // Which municipalities take part is only published where all of them do.
    expect(
      await one(`SELECT count(*)::INTEGER FROM participation x JOIN "case" c USING (case_id) JOIN prefecture p USING (prefecture_code)
        WHERE x.provenance = 'published' AND (c.participant_count <> p.municipality_count OR c.provenance <> 'published')`),
    ).toBe(0);
    expect(await one(`SELECT published_case_count + synthetic_case_count FROM dataset`)).toBe(245);
  });
  it('never invents contact details', async () => {
    const contacts = await ds.query(`SELECT contact, provenance, synthetic_fields FROM "case" WHERE contact IS NOT NULL`);
    expect(contacts).toEqual([{ contact: '045-210-3325', provenance: 'published', synthetic_fields: 'participant_population,participant_staff' }]);
    // Synthetic free texts say so.
    expect(await one(`SELECT count(*)::INTEGER FROM "case" WHERE provenance = 'synthetic' AND background IS NOT NULL AND NOT starts_with(background, '【合成】')`)).toBe(0);
  });
  it('keeps value NULL unless answered, and uses all four states', async () => {
    for (const col of ['service_name', 'environment', 'pref_burden', 'subsidy', 'participant_population', 'selection_method', 'doc_spec', 'effect']) {
      expect(await one(`SELECT count(*)::INTEGER FROM "case" WHERE (${col} IS NULL) <> (${col}_state <> 'answered')`), col).toBe(0);
    }
    const states = await ds.query(`SELECT DISTINCT initial_cost_band_state AS s FROM "case" ORDER BY 1`);
    expect(states.map((r) => r['s'])).toEqual(['answered', 'blank', 'unknown', 'withheld']);
  });
  it('stores bands as orders 0..7 of the cost_band dimension', async () => {
    expect(await ds.query(`SELECT band_order, band_label FROM cost_band ORDER BY 1`)).toEqual(
      ['0', '5百万未満', '5百万-1千万', '1千万-3千万', '3千万-5千万', '5千万-1億', '1億-5億', '5億以上'].map((band_label, band_order) => ({ band_order, band_label })),
    );
    expect(await one(`SELECT count(*)::INTEGER FROM "case" WHERE annual_cost_band_order NOT BETWEEN 0 AND 7`)).toBe(0);
  });
  it('has the contract column types', async () => {
    const types = Object.fromEntries(
      (await ds.query(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM "case")`)).map((r) => [r['column_name'], r['column_type']]),
    );
    expect(types).toMatchObject({ case_id: 'VARCHAR', start_year: 'INTEGER', participant_population: 'BIGINT', participant_staff: 'INTEGER', initial_cost_band_order: 'INTEGER' });
    expect(await ds.query(`SELECT as_of::VARCHAR AS d, built_from FROM dataset`)).toEqual([{ d: '2024-01-31', built_from: 'bundled' }]);
  });
});
