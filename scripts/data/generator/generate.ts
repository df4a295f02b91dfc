/**
 * Build the whole bundled survey (245 cases + participation) from the published
 * facts and a fixed seed. Pure: same seed, same Survey.
 */
import { rngFor } from '../prng.js';
import type { Reference } from '../reference-data.js';
import type { CaseRecord, ParticipationRecord, Survey } from '../survey-record.js';
import { SYSTEMS } from '../systems.js';
import { assignPrefectures } from './assign-prefectures.js';
import { FACILITY, SECURITY_CLOUD } from './published-facts.js';
import { applyFacility, applySecurityCloud } from './published-rows.js';
import { synthCase } from './synth-case.js';
import { PROFILES } from './system-profiles.js';

export const SEED = 20240131;

export function generateSurvey(ref: Reference, seed = SEED): Survey {
  const prefsBySystem = assignPrefectures(ref, rngFor(seed, 'prefectures'));
  const cases: CaseRecord[] = [];
  for (const system of SYSTEMS) {
    const rng = rngFor(seed, `cases:${system.id}`);
    const prof = PROFILES[system.id];
    const own: CaseRecord[] = [];
    for (const code of prefsBySystem.get(system.id) ?? []) {
      const pref = ref.prefByCode.get(code);
      if (!pref || !prof) throw new Error(`generate: ${system.id} ${code}`);
      const share = prof.share[0] + rng.next() * (prof.share[1] - prof.share[0]);
      const count = Math.max(1, Math.min(pref.municipalityCount, Math.round(pref.municipalityCount * share)));
      const nth = own.filter((c) => c.prefectureCode === code).length;
      own.push(synthCase(rng, { caseId: `C${String(cases.length + own.length + 1).padStart(4, '0')}`, system, pref, participantCount: count, nth }));
    }
    if (system.id === SECURITY_CLOUD.systemId) applySecurityCloud(rngFor(seed, 'security-cloud'), ref, own);
    if (system.id === FACILITY.systemId) applyFacility(rngFor(seed, 'facility'), ref, own);
    cases.push(...own);
  }
  return { cases, participation: chooseParticipants(ref, cases, seed) };
}

/**
 * Which municipalities take part is never published (only how many), so the
 * rows are synthetic, except where the count equals the prefecture's total:
 * then the set is fully determined by a published figure.
 */
function chooseParticipants(ref: Reference, cases: CaseRecord[], seed: number): ParticipationRecord[] {
  const out: ParticipationRecord[] = [];
  for (const c of cases) {
    const count = c.fields['participant_count'];
    if (count?.state !== 'answered') continue;
    const munis = ref.munisByPref.get(c.prefectureCode) ?? [];
    const n = Number(count.value);
    const rng = rngFor(seed, `participants:${c.caseId}`);
    const chosen = (n >= munis.length ? munis : rng.shuffle(munis).slice(0, n)).map((m) => m.lgCode).sort();
    const determined = c.provenance === 'published' && !c.syntheticFields.includes('participant_count') && n === munis.length;
    for (const lgCode of chosen) out.push({ caseId: c.caseId, lgCode, provenance: determined ? 'published' : 'synthetic', line: 0 });
  }
  return out;
}
