/**
 * Decide which prefectures run each system: exactly the visible ● among 北海道…石川県,
 * the remaining prefectures from the 30 hidden columns, and extra cases (cases >
 * prefectures) as second cases in already chosen prefectures.
 */
import type { Rng } from '../prng.js';
import type { Reference } from '../reference-data.js';
import { OTHER_SYSTEM_PREFECTURES, SYSTEM_COUNTS, VISIBLE_DOTS, VISIBLE_PREFECTURE_CODES, FACILITY } from './published-facts.js';

/** Returns, per system id, one prefecture code per case (sorted by code). */
export function assignPrefectures(ref: Reference, rng: Rng): Map<string, string[]> {
  const hidden = ref.prefectures.map((p) => p.code).filter((c) => !VISIBLE_PREFECTURE_CODES.includes(c));
  const codeOf = (name: string): string => {
    const p = ref.prefByName.get(name);
    if (!p) throw new Error(`unknown prefecture ${name}`);
    return p.code;
  };
  const out = new Map<string, string[]>();
  for (const [id, cases, prefCount] of SYSTEM_COUNTS) {
    let prefs: string[];
    if (id === FACILITY.systemId) {
      prefs = FACILITY.participants.map(([name]) => codeOf(name));
    } else if (prefCount === null) {
      const n = OTHER_SYSTEM_PREFECTURES[id] ?? cases;
      prefs = rng.shuffle(ref.prefectures.map((p) => p.code)).slice(0, n);
    } else {
      const visible = (VISIBLE_DOTS[id] ?? []).map(codeOf);
      prefs = [...visible, ...rng.shuffle(hidden).slice(0, prefCount - visible.length)];
    }
    // The security cloud's first 8 table rows (北海道…茨城県) are single rows, so no second case there.
    const canRepeat = id === 'S01' ? prefs.filter((c) => c > '08') : prefs;
    const extra = rng.shuffle(canRepeat).slice(0, cases - prefs.length);
    if (extra.length !== cases - prefs.length) throw new Error(`${id}: cannot place ${cases} cases`);
    out.set(id, [...prefs, ...extra].sort());
  }
  return out;
}
