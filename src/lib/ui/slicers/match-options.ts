import type { Scalar } from '../../sql/quote';
import type { SlicerOption } from './types';

const norm = (s: string) => s.normalize('NFKC').toLowerCase();

/**
 * The options a search box offers for what was typed: not yet chosen, matching the label or
 * group+label (e.g. 「北海道札幌」) regardless of width/case variants (NFKC), at most `max`.
 * Pure and string-only: what a person types never reaches SQL.
 */
export function matchOptions(options: readonly SlicerOption[], selected: readonly Scalar[], typed: string, max: number): SlicerOption[] {
  const q = norm(typed.trim());
  const pool = options.filter((o) => !selected.includes(o.value));
  const hits = q ? pool.filter((o) => norm(`${o.group ?? ''}${o.label}`).includes(q) || norm(o.label).includes(q)) : pool;
  return hits.slice(0, Math.max(0, max));
}
