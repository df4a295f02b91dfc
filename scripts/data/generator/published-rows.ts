/**
 * Apply what the deck shows to the synthetic cases of 自治体情報セキュリティクラウド
 * and 施設予約システム: system-level shares are hit exactly, shown rows are copied
 * verbatim, and each published row lists the fields that stay synthetic.
 */
import { bandOrder } from '../cost-bands.js';
import type { Rng } from '../prng.js';
import type { Reference } from '../reference-data.js';
import type { CaseRecord, FieldAnswer } from '../survey-record.js';
import { CASE_COLUMNS } from '../template-columns.js';
import { KANAGAWA } from './kanagawa-case.js';
import { FACILITY, FACILITY_ROWS, SECURITY_CLOUD } from './published-facts.js';
import { answered, blank, unknown } from './synth-case.js';

/** Every per-case answer field (template keys), in template order. */
export const ANSWER_KEYS: readonly string[] = CASE_COLUMNS.filter(
  (c) => !['id', 'division', 'system', 'prefCode', 'prefName', 'provenance', 'syntheticFields'].includes(c.kind.type),
).map((c) => c.key);

function markPublished(c: CaseRecord, shown: readonly string[]): void {
  c.provenance = 'published';
  c.syntheticFields = ANSWER_KEYS.filter((k) => !shown.includes(k));
}

/** Deal `counts` of values over the cases in a random but fixed order. */
function deal<T>(rng: Rng, cases: CaseRecord[], counts: readonly (readonly [T, number])[], set: (c: CaseRecord, v: T) => void): void {
  const order = rng.shuffle(cases);
  let i = 0;
  for (const [v, n] of counts) for (let k = 0; k < n; k++) set(order[i++] as CaseRecord, v);
  if (i !== cases.length) throw new Error(`deal: ${i} values for ${cases.length} cases`);
}

const yesNo = (v: string): FieldAnswer => (v === 'unknown' ? unknown : v === 'blank' ? blank : answered(v));

export function applySecurityCloud(rng: Rng, ref: Reference, cases: CaseRecord[]): void {
  const sc = SECURITY_CLOUD;
  // Years: one value per case; in a prefecture with two cases the first is the older generation.
  const years: (number | null)[] = sc.startYears.flatMap(([y, n]) => Array<number>(n).fill(y));
  for (let k = 0; k < sc.startBlank; k++) years.push(null);
  const shuffled = rng.shuffle(years);
  cases.forEach((c, i) => {
    const y = shuffled[i] ?? null;
    c.start = y === null ? { state: 'blank', year: null, month: null } : { state: 'answered', year: y, month: rng.chance(0.4) ? 4 : null };
  });
  for (let i = 1; i < cases.length; i++) {
    const a = cases[i - 1] as CaseRecord;
    const b = cases[i] as CaseRecord;
    if (a.prefectureCode === b.prefectureCode && (a.start.year ?? 0) > (b.start.year ?? 9999)) [a.start, b.start] = [b.start, a.start];
  }
  // First-generation (≤2018) clouds were mostly on-premises builds.
  const old = cases.filter((c) => (c.start.year ?? 9999) <= 2018);
  const onPrem = new Set([...rng.shuffle(old).slice(0, 6), ...rng.shuffle(cases.filter((c) => !old.includes(c))).slice(0, 2)]);
  for (const c of cases) c.fields['environment'] = answered(onPrem.has(c) ? 'オンプレミス開発' : 'クラウドサービス');
  deal(rng, cases, Object.entries(sc.burden), (c, v) => (c.fields['pref_burden'] = yesNo(v)));
  deal(rng, cases, Object.entries(sc.subsidy), (c, v) => (c.fields['subsidy'] = yesNo(v)));
  let nextGen = 0;
  for (const c of cases) {
    if (c.fields['subsidy']?.value !== 'あり') {
      c.subsidyNames = { state: 'blank', values: [] };
      continue;
    }
    const name = (c.start.year ?? 2021) <= 2018 ? sc.subsidyNames[2] : sc.subsidyNames[nextGen++ % 3 === 2 ? 1 : 0];
    c.subsidyNames = { state: 'answered', values: [name] };
  }
  // Security clouds serve every municipality; a few prefectures leave out one or two.
  for (const c of cases) {
    const total = ref.prefByCode.get(c.prefectureCode)?.municipalityCount ?? 0;
    c.fields['participant_count'] = answered(rng.chance(0.9) ? total : total - rng.int(1, 2));
  }
  for (const [name, count, comment] of sc.firstRows) {
    const c = cases.find((x) => ref.prefByCode.get(x.prefectureCode)?.name === name);
    if (!c) throw new Error(`security cloud: no case in ${name}`);
    c.fields['participant_count'] = answered(count);
    c.fields['effect'] = answered(comment);
    markPublished(c, ['participant_count', 'effect']);
  }
}

export function applyFacility(rng: Rng, ref: Reference, cases: CaseRecord[]): void {
  const prefName = (c: CaseRecord): string => ref.prefByCode.get(c.prefectureCode)?.name ?? '';
  for (const [name, count] of FACILITY.participants) {
    const c = cases.find((x) => prefName(x) === name);
    if (!c) throw new Error(`facility: no case in ${name}`);
    c.fields['participant_count'] = answered(count);
    c.subsidyNames = { state: 'blank', values: [] };
    if (c.fields['subsidy']?.state === 'answered') c.fields['subsidy'] = answered('なし');
    markPublished(c, ['participant_count']);
  }
  // One of the rows the deck does not show used the COVID grant (the second published subsidy name).
  const hiddenRows = cases.filter((c) => !FACILITY_ROWS.some((r) => r.pref === prefName(c)));
  const covid = rng.pick(hiddenRows);
  covid.fields['subsidy'] = answered('あり');
  covid.subsidyNames = { state: 'answered', values: [FACILITY.subsidyNames[1]] };
  covid.start = { state: 'answered', year: 2021, month: null };

  for (const r of FACILITY_ROWS) {
    const c = cases.find((x) => prefName(x) === r.pref) as CaseRecord;
    const pref = ref.prefByName.get(r.pref);
    if (!pref) throw new Error(`facility: ${r.pref}`);
    const band = (label: string): FieldAnswer => (label === '-' ? unknown : answered(bandOrder(label) ?? -1));
    // 「104 万人」「10.8 千人」: values inside both the truncated and the rounded reading.
    const population = Math.min(pref.population2020, r.popMan * 10000 + rng.int(0, 4999));
    const staff = Math.round(r.staffSen * 1000) + rng.int(0, 49);
    Object.assign(c.fields, {
      service_name: answered(r.service),
      participant_count: answered(r.count),
      participant_population: answered(population),
      participant_staff: answered(staff),
      initial_cost_band: band(r.initial),
      annual_cost_band: band(r.annual),
      subsidy: answered(r.subsidy),
      pref_burden: answered(r.burden),
      selection_method: answered(r.method),
    });
    c.start = { state: 'answered', year: r.year, month: null };
    c.costBasis = { state: 'answered', values: r.basis.split(',') };
    c.subsidyNames = r.subsidy === 'あり' ? { state: 'answered', values: [FACILITY.subsidyNames[0]] } : { state: 'blank', values: [] };
    const shown = ['service_name', 'start', 'participant_count', 'initial_cost_band', 'annual_cost_band', 'subsidy', 'pref_burden', 'cost_basis', 'selection_method'];
    // 「なし」 implies no subsidy names, so the blank names are published too.
    if (r.subsidy === 'なし') shown.push('subsidy_names');
    const effect = FACILITY.effects[r.pref];
    if (effect) {
      c.fields['effect'] = answered(effect);
      shown.push('effect');
    }
    markPublished(c, shown);
    if (r.pref === KANAGAWA.pref) applyKanagawa(c);
  }
}

function applyKanagawa(c: CaseRecord): void {
  const k = KANAGAWA;
  c.start = { state: 'answered', year: k.year, month: k.month };
  Object.assign(c.fields, {
    department: answered(k.department),
    contact: answered(k.contact),
    environment: answered(k.environment),
    pref_adoption: answered(k.prefAdoption),
    pref_burden: answered(k.prefBurden),
    initial_cost_breakdown: blank,
    annual_cost_breakdown: answered(k.annualBreakdown),
    burden_basis_text: answered(k.burdenBasis),
    spec_by: answered(k.specBy),
    selection_by: answered(k.selectionBy),
    contract_by: answered(k.contractBy),
    doc_bid_guide: answered(k.docBidGuide),
    doc_spec: answered(k.docSpec),
    doc_criteria: answered(k.docCriteria),
    background: answered(k.background),
    effect: answered(k.effect),
    process: answered(k.process),
    challenges: answered(k.challenges),
  });
  // Only the exact digits behind 「88万人」「11.6千人」 are ours.
  markPublished(c, ANSWER_KEYS.filter((key) => key !== 'participant_population' && key !== 'participant_staff'));
}
