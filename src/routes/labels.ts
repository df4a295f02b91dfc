import { model } from '$model/kyodo-model';
import type { Row } from '$lib/db/types';
import type { Clause } from '$lib/filter/clause';
import { fieldLabel } from '$lib/model/labels';

/** Human-readable clauses for the filters bar, from the dimension rows the layout loads. */
export function clauseDescriber(dims: { systems: Row[]; prefectures: Row[]; municipalities?: Row[] }) {
  const systems = new Map(dims.systems.map((r) => [r.system_id, `${r.system_name}（${r.division}）`]));
  const prefectures = new Map(dims.prefectures.map((r) => [r.prefecture_code, String(r.prefecture_name)]));
  const municipalities = new Map((dims.municipalities ?? []).map((r) => [r.lg_code, String(r.display_name)]));
  const value = (field: string, v: unknown): string => {
    if (field.endsWith('.lg_code')) return municipalities.get(v as string) ?? String(v);
    if (field.endsWith('.system_id')) return systems.get(v as string) ?? String(v);
    if (field.endsWith('.prefecture_code')) return prefectures.get(v as string) ?? String(v);
    if (field.endsWith('_year')) return `${v}年`;
    return String(v);
  };
  return {
    // A slicer's label reads better than the key column's (システム名, not システムID).
    field: (f: string) => model.slicers.find((s) => s.field === f)?.label ?? fieldLabel(model, f),
    values: (c: Clause): string => {
      const p = c.predicate;
      if (p.kind === 'in') return p.values.map((v) => value(c.field, v)).join('、');
      return `${p.min !== null ? `${p.min}年` : ''}〜${p.max !== null ? `${p.max}年` : ''}`;
    }
  };
}
