/**
 * One fully synthetic case: plausible values per system profile, with a small
 * share of × / - / blank answers so the three non-answer states appear in the
 * data as they do in the real survey.
 */
import type { Rng } from '../prng.js';
import type { Prefecture } from '../reference-data.js';
import type { CaseRecord, FieldAnswer, MultiAnswer } from '../survey-record.js';
import type { SystemType } from '../systems.js';
import { ACTORS, COST_BASES, SELECTION_METHODS } from '../vocabulary.js';
import { OTHER_STEMS, PROFILES } from './system-profiles.js';
import { synthText, SYNTH_TEXT } from './synth-text.js';

export const SUBSIDY_NAMES_GENERAL = ['デジタル田園都市国家構想交付金Type 1', '新型コロナウイルス感染症対応地方創生臨時交付金', '地方創生推進交付金'] as const;

export const answered = (value: string | number): FieldAnswer => ({ state: 'answered', value });
export const blank: FieldAnswer = { state: 'blank', value: null };
export const unknown: FieldAnswer = { state: 'unknown', value: null };
export const withheld: FieldAnswer = { state: 'withheld', value: null };

/** Mostly answered; `miss` is the share of non-answers, split blank > unknown > withheld. */
function maybe(rng: Rng, miss: number, value: () => string | number): FieldAnswer {
  if (!rng.chance(miss)) return answered(value());
  return rng.weighted([
    [blank, 0.5],
    [unknown, 0.3],
    [withheld, 0.2],
  ]);
}

function band(rng: Rng, base: number, scale: number): number {
  return Math.max(0, Math.min(7, base + scale + rng.weighted([[-1, 0.25], [0, 0.5], [1, 0.25]])));
}

function pickBasis(rng: Rng): string[] {
  return rng.weighted<string[]>([
    [['人口割', '均等割'], 0.4],
    [['均等割'], 0.15],
    [['人口割'], 0.12],
    [['利用量割'], 0.1],
    [['人口割', '均等割', '利用量割'], 0.05],
    [['職員数割'], 0.03],
    [['その他'], 0.15],
  ]).filter((b) => (COST_BASES as readonly string[]).includes(b));
}

export interface SynthInput {
  caseId: string;
  system: SystemType;
  pref: Prefecture;
  participantCount: number;
  /** Index of this case among the system's cases in this prefecture (0 for the first). */
  nth: number;
}

export function synthCase(rng: Rng, input: SynthInput): CaseRecord {
  const { system, pref, participantCount } = input;
  const prof = PROFILES[system.id];
  if (!prof) throw new Error(`no profile for ${system.id}`);
  const short = pref.name.replace(/[都府県]$/, '');
  const stem = prof.stem || rng.pick(OTHER_STEMS[system.id] ?? ['共同利用システム']);
  const service = rng.weighted([
    [`${short}${stem}`, 0.4],
    [`${pref.name}市町村共同利用${stem}`, 0.3],
    [`${short}共同${stem}`, 0.3],
  ]) + (input.nth > 0 ? `（第${input.nth + 1}期）` : '');
  const year = rng.int(prof.years[0], prof.years[1]);
  const scale = participantCount >= 40 ? 1 : participantCount < 8 ? -1 : 0;
  const subsidyYes = rng.chance(system.id === 'S20' || system.id === 'S21' || system.id === 'S22' ? 0.5 : 0.15);
  const subsidy = maybe(rng, 0.06, () => (subsidyYes ? 'あり' : 'なし'));
  const basisValues = pickBasis(rng);
  const costBasis: MultiAnswer = rng.chance(0.08) ? { state: rng.pick(['blank', 'unknown'] as const), values: [] } : { state: 'answered', values: basisValues };
  const subsidyNames: MultiAnswer =
    subsidy.value === 'あり' ? { state: 'answered', values: [rng.pick(SUBSIDY_NAMES_GENERAL)] } : { state: 'blank', values: [] };
  const text = (key: keyof typeof SYNTH_TEXT, miss: number): FieldAnswer => maybe(rng, miss, () => synthText(rng, key));
  const doc = (): FieldAnswer => maybe(rng, 0.1, () => (rng.chance(0.55) ? '可' : '否'));
  const actor = (weights: readonly number[]): FieldAnswer =>
    maybe(rng, 0.05, () => rng.weighted(ACTORS.map((a, i) => [a, weights[i] ?? 0] as const)));
  const population = participantPopulation(rng, pref, participantCount);
  return {
    caseId: input.caseId,
    provenance: 'synthetic',
    syntheticFields: [],
    systemId: system.id,
    prefectureCode: pref.code,
    start: rng.chance(0.04) ? { state: 'blank', year: null, month: null } : { state: 'answered', year, month: rng.chance(0.35) ? rng.weighted([[4, 0.6], [10, 0.15], [1, 0.1], [7, 0.15]]) : null },
    fields: {
      service_name: answered(service),
      // Never a real-looking department or phone number: generic wording, contact left blank.
      department: answered(`${pref.name} 情報政策担当課【合成】`),
      contact: blank,
      environment: maybe(rng, 0.05, () => (rng.chance(prof.cloud) ? 'クラウドサービス' : 'オンプレミス開発')),
      pref_adoption: maybe(rng, 0.03, () => (rng.chance(0.85) ? 'あり' : 'なし')),
      pref_burden: maybe(rng, 0.06, () => (rng.chance(0.45) ? 'あり' : 'なし')),
      participant_count: answered(participantCount),
      participant_population: maybe(rng, 0.04, () => population),
      participant_staff: maybe(rng, 0.06, () => participantStaff(rng, population)),
      subsidy,
      initial_cost_band: maybe(rng, 0.12, () => (prof.initialBand === 0 && rng.chance(0.6) ? 0 : band(rng, prof.initialBand, scale))),
      annual_cost_band: maybe(rng, 0.1, () => band(rng, prof.annualBand, scale)),
      initial_cost_breakdown: text('initial_cost_breakdown', 0.35),
      annual_cost_breakdown: text('annual_cost_breakdown', 0.25),
      burden_basis_text: text('burden_basis_text', 0.3),
      selection_method: maybe(rng, 0.05, () =>
        rng.weighted(SELECTION_METHODS.map((m, i) => [m, [0.25, 0.15, 0.42, 0.08, 0.03, 0.07][i] ?? 0] as const)),
      ),
      spec_by: actor([0.6, 0.32, 0.04, 0, 0.04]),
      selection_by: actor([0.62, 0.32, 0.02, 0, 0.04]),
      contract_by: actor([0.62, 0.2, 0.15, 0, 0.03]),
      doc_bid_guide: doc(),
      doc_spec: doc(),
      doc_criteria: doc(),
      background: text('background', 0.2),
      effect: text('effect', 0.15),
      process: text('process', 0.25),
      challenges: text('challenges', 0.25),
    },
    subsidyNames,
    costBasis,
    line: 0,
  };
}

/**
 * Participants' population without municipality populations at hand: the
 * prefecture's 2020 population scaled by the share of municipalities (prefecture
 * capitals make shares skew large), never above the prefecture's total.
 */
export function participantPopulation(rng: Rng, pref: Prefecture, count: number): number {
  const share = count / pref.municipalityCount;
  if (share >= 1) return pref.population2020 - rng.int(0, Math.floor(pref.population2020 * 0.03));
  const f = Math.min(0.97, Math.pow(share, 0.7) * (0.7 + rng.next() * 0.5));
  return Math.max(1000, Math.floor(pref.population2020 * f));
}

/** Municipal staff are roughly 0.6–1.1% of the population (larger cities have the lower ratio). */
export function participantStaff(rng: Rng, population: number): number {
  return Math.max(30, Math.round(population * (0.006 + rng.next() * 0.005)));
}
