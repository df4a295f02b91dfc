/**
 * Every figure of ../shared/seed/published-figures.md, checked on the Parquet
 * files built from the bundled survey (the same files the site loads).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDataset, type BuiltDataset } from './test-support/built-dataset.js';
import { DIVISION_TOTALS, FACILITY, FACILITY_ROWS, SECURITY_CLOUD, SYSTEM_COUNTS, TOTAL_CASES, VISIBLE_DOTS } from './generator/published-facts.js';
import { KANAGAWA } from './generator/kanagawa-case.js';

let ds: BuiltDataset;
beforeAll(async () => {
  ds = await buildDataset();
}, 60_000);
afterAll(() => ds?.close());

const pct = (n: number, of: number): number => Math.round((100 * n) / of);

describe('overview', () => {
  it('has 245 cases', async () => {
    expect(await ds.query('SELECT count(*)::INTEGER AS n FROM "case"')).toEqual([{ n: TOTAL_CASES }]);
    expect(await ds.query('SELECT case_count FROM dataset')).toEqual([{ case_count: TOTAL_CASES }]);
  });
  it('matches the 25 per-system case and prefecture counts', async () => {
    const rows = await ds.query(`SELECT s.system_id, count(c.case_id)::INTEGER AS cases, count(DISTINCT c.prefecture_code)::INTEGER AS prefs
      FROM system s LEFT JOIN "case" c USING (system_id) GROUP BY ALL ORDER BY s.system_id`);
    for (const [id, cases, prefs] of SYSTEM_COUNTS) {
      const r = rows.find((x) => x['system_id'] === id);
      expect(r?.['cases'], id).toBe(cases);
      if (prefs !== null) expect(r?.['prefs'], id).toBe(prefs);
    }
  });
  it('matches the division totals', async () => {
    const rows = await ds.query(`SELECT s.division, count(*)::INTEGER AS n FROM "case" c JOIN system s USING (system_id) GROUP BY ALL`);
    expect(Object.fromEntries(rows.map((r) => [r['division'], r['n']]))).toEqual(DIVISION_TOTALS);
  });
  it('reproduces the ● pattern of the visible matrix columns (北海道…石川県)', async () => {
    const rows = await ds.query(`SELECT c.system_id, list_sort(list_distinct(list(p.prefecture_name ORDER BY p.prefecture_code))) AS prefs
      FROM "case" c JOIN prefecture p USING (prefecture_code) WHERE p.prefecture_code <= '17' GROUP BY ALL`);
    for (const [id, names] of Object.entries(VISIBLE_DOTS)) {
      const got = (rows.find((r) => r['system_id'] === id)?.['prefs'] as string[] | undefined) ?? [];
      expect([...got].sort(), id).toEqual([...names].sort());
    }
  });
});

describe('自治体情報セキュリティクラウド', () => {
  const where = `system_id = '${SECURITY_CLOUD.systemId}'`;
  it('has 47 cases in 44 prefectures', async () => {
    expect(await ds.query(`SELECT count(*)::INTEGER AS n, count(DISTINCT prefecture_code)::INTEGER AS p FROM "case" WHERE ${where}`)).toEqual([{ n: 47, p: 44 }]);
  });
  it('has the published environment, burden and subsidy shares', async () => {
    const share = async (col: string): Promise<Record<string, number>> =>
      Object.fromEntries(
        (await ds.query(`SELECT coalesce(${col}, ${col}_state) AS k, count(*)::INTEGER AS n FROM "case" WHERE ${where} GROUP BY ALL`)).map((r) => [r['k'], r['n']]),
      );
    const env = await share('environment');
    expect([pct(env['オンプレミス開発'] ?? 0, 47), pct(env['クラウドサービス'] ?? 0, 47)]).toEqual([17, 83]);
    const burden = await share('pref_burden');
    expect([pct(burden['あり'] ?? 0, 47), pct(burden['なし'] ?? 0, 47)]).toEqual([51, 45]);
    expect((burden['unknown'] ?? 0) + (burden['blank'] ?? 0)).toBe(47 - (burden['あり'] ?? 0) - (burden['なし'] ?? 0));
    const subsidy = await share('subsidy');
    expect([pct(subsidy['あり'] ?? 0, 47), pct(subsidy['なし'] ?? 0, 47)]).toEqual([83, 13]);
    expect((subsidy['unknown'] ?? 0) + (subsidy['blank'] ?? 0)).toBe(47 - (subsidy['あり'] ?? 0) - (subsidy['なし'] ?? 0));
  });
  it('lists exactly the three published subsidy names', async () => {
    const rows = await ds.query(`SELECT DISTINCT subsidy_name FROM case_subsidy JOIN "case" USING (case_id) WHERE ${where} ORDER BY 1`);
    expect(rows.map((r) => r['subsidy_name'])).toEqual([...SECURITY_CLOUD.subsidyNames].sort());
  });
  it('has the 導入時期 bars 3 11 1 3 20 8 and one case without a year', async () => {
    const rows = await ds.query(`SELECT start_year, count(*)::INTEGER AS n FROM "case" WHERE ${where} AND start_state = 'answered' GROUP BY ALL ORDER BY 1`);
    expect(rows.map((r) => r['n'])).toEqual([3, 11, 1, 3, 20, 8]);
    expect(rows.map((r) => r['start_year'])).toEqual(SECURITY_CLOUD.startYears.map(([y]) => y));
    expect(await ds.query(`SELECT count(*)::INTEGER AS n FROM "case" WHERE ${where} AND start_state <> 'answered'`)).toEqual([{ n: 1 }]);
  });
  it('has the first 8 rows with all municipalities taking part', async () => {
    const rows = await ds.query(`SELECT p.prefecture_name, c.participant_count, p.municipality_count FROM "case" c JOIN prefecture p USING (prefecture_code)
      WHERE ${where} ORDER BY p.prefecture_code, c.case_id LIMIT 8`);
    expect(rows.map((r) => [r['prefecture_name'], r['participant_count'], r['municipality_count']])).toEqual(
      SECURITY_CLOUD.firstRows.map(([name, n]) => [name, n, n]),
    );
  });
});

describe('施設予約システム', () => {
  const where = `system_id = '${FACILITY.systemId}'`;
  it('has 18 cases in 18 prefectures with the published participation map', async () => {
    const rows = await ds.query(`SELECT p.prefecture_name, coalesce(sum(c.participant_count), 0)::INTEGER AS n
      FROM prefecture p LEFT JOIN "case" c ON c.prefecture_code = p.prefecture_code AND c.${where} GROUP BY ALL`);
    const expected = new Map<string, number>(FACILITY.participants);
    for (const r of rows) expect(r['n'], String(r['prefecture_name'])).toBe(expected.get(String(r['prefecture_name'])) ?? 0);
    expect(await ds.query(`SELECT count(*)::INTEGER AS n FROM "case" WHERE ${where}`)).toEqual([{ n: 18 }]);
    // The map counts listed municipalities, so participation rows must agree too.
    const listed = await ds.query(`SELECT count(*)::INTEGER AS n FROM participation JOIN "case" USING (case_id) WHERE ${where}`);
    expect(listed).toEqual([{ n: FACILITY.participants.reduce((s, [, n]) => s + n, 0) }]);
  });
  it('lists exactly the two published subsidy names', async () => {
    const rows = await ds.query(`SELECT DISTINCT subsidy_name FROM case_subsidy JOIN "case" USING (case_id) WHERE ${where} ORDER BY 1`);
    expect(rows.map((r) => r['subsidy_name'])).toEqual([...FACILITY.subsidyNames].sort());
  });
  it('reproduces the 10 visible rows verbatim', async () => {
    const rows = await ds.query(`SELECT p.prefecture_name, c.service_name, c.start_year, c.participant_count,
        (c.participant_population // 10000)::INTEGER AS pop_trunc, round(c.participant_population / 10000)::INTEGER AS pop_round,
        round(c.participant_staff / 1000, 1)::DOUBLE AS staff, coalesce(i.band_label, '-') AS initial, coalesce(a.band_label, '-') AS annual,
        c.subsidy, c.pref_burden, c.cost_basis, c.selection_method, c.provenance
      FROM "case" c JOIN prefecture p USING (prefecture_code)
      LEFT JOIN cost_band i ON i.band_order = c.initial_cost_band_order LEFT JOIN cost_band a ON a.band_order = c.annual_cost_band_order
      WHERE c.${where} ORDER BY p.prefecture_code LIMIT 10`);
    expect(rows).toHaveLength(10);
    FACILITY_ROWS.forEach((f, i) => {
      const r = rows[i] ?? {};
      expect(
        [r['prefecture_name'], r['service_name'], r['start_year'], r['participant_count'], r['pop_trunc'], r['pop_round'], r['staff'], r['initial'], r['annual'], r['subsidy'], r['pref_burden'], r['cost_basis'], r['selection_method'], r['provenance']],
        f.pref,
      ).toEqual([f.pref, f.service, f.year, f.count, f.popMan, f.popMan, f.staffSen, f.initial, f.annual, f.subsidy, f.burden, f.basis, f.method, 'published']);
    });
    // '-' (不明) bands are the unknown state, not a missing value.
    const unknownBands = await ds.query(`SELECT count(*)::INTEGER AS n FROM "case" WHERE ${where} AND provenance = 'published' AND initial_cost_band_state = 'unknown'`);
    expect(unknownBands).toEqual([{ n: FACILITY_ROWS.filter((r) => r.initial === '-').length }]);
  });
});

describe('神奈川県 e-kanagawa施設予約システム (the case shown in full)', () => {
  it('has every published field', async () => {
    const [r] = await ds.query(`SELECT * FROM "case" WHERE service_name = 'e-kanagawa施設予約システム'`);
    const k = KANAGAWA;
    expect(r).toMatchObject({
      system_id: 'S08',
      prefecture_code: '14',
      provenance: 'published',
      synthetic_fields: 'participant_population,participant_staff',
      start_year: 2015,
      start_month: 4,
      department: k.department,
      contact: k.contact,
      environment: k.environment,
      pref_adoption: 'あり',
      pref_burden: 'なし',
      participant_count: 11,
      subsidy: 'なし',
      subsidy_names_state: 'blank',
      initial_cost_band_order: 0,
      annual_cost_band_order: 4,
      cost_basis: '人口割,均等割',
      initial_cost_breakdown: null,
      initial_cost_breakdown_state: 'blank',
      annual_cost_breakdown: k.annualBreakdown,
      burden_basis_text: k.burdenBasis,
      selection_method: '随意契約（プロポーザル方式[企画競争]）',
      spec_by: '協議会',
      selection_by: '協議会',
      contract_by: '都道府県',
      doc_bid_guide: '否',
      doc_spec: '否',
      doc_criteria: '否',
      background: k.background,
      effect: k.effect,
      process: k.process,
      challenges: k.challenges,
    });
    expect(Math.floor(Number(r?.['participant_population']) / 10000)).toBe(88);
    expect(Math.round(Number(r?.['participant_staff']) / 100) / 10).toBe(11.6);
  });
});
