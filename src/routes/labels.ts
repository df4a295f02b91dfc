import { model } from '$model/kyodo-model';
import type { Row } from '$lib/db/types';
import type { Clause } from '$lib/filter/clause';
import type { ParamSpec } from '$lib/filter/url-codec';
import type { Scalar } from '$lib/sql/quote';
import { fieldLabel } from '$lib/model/labels';

/** The dimension rows every page has (prerendered): systems and prefectures. */
export type Dims = { systems: Row[]; prefectures: Row[] };

/**
 * Names of values only the data knows (a municipality's code: LOOKED_UP in filter-registry.ts),
 * looked up by the page (ValueNames). While a name is on its way the value reads as being
 * checked, never as its code; if it cannot be looked up (no engine), as its code.
 */
export interface LookedUpNames {
  name(field: string, value: Scalar): string | undefined;
  covers(field: string): boolean;
  pending: boolean;
}

export const NAME_PENDING = '（名称を確認中）';

/** The words for a clause's values: names for keys (system, prefecture, municipality), 年 for years. */
export function valueNamer(dims: Dims, looked?: LookedUpNames) {
  const systems = new Map(dims.systems.map((r) => [r.system_id, `${r.system_name}（${r.division}）`]));
  const prefectures = new Map(dims.prefectures.map((r) => [r.prefecture_code, String(r.prefecture_name)]));
  const value = (c: Clause, v: Scalar, i: number): string => {
    if (looked?.covers(c.field)) return c.labels?.[i] ?? looked.name(c.field, v) ?? (looked.pending ? NAME_PENDING : String(v));
    if (c.field.endsWith('.system_id')) return systems.get(v as string) ?? String(v);
    if (c.field.endsWith('.prefecture_code')) return prefectures.get(v as string) ?? String(v);
    if (c.field.endsWith('_year')) return `${v}年`;
    return String(v);
  };
  return (c: Clause): string => {
    const p = c.predicate;
    if (p.kind === 'in') return p.values.map((v, i) => value(c, v, i)).join('、');
    return `${p.min !== null ? `${p.min}年` : ''}〜${p.max !== null ? `${p.max}年` : ''}`;
  };
}

/**
 * The filter bar's text of each clause: the declaration's label (a slicer's or a visual's,
 * so a tile selection and the prefecture slicer read differently), then the values' names.
 * The download dialog, the Parquet metadata and the file name use these same texts.
 */
export function clauseChips(
  ctx: readonly Clause[],
  params: readonly ParamSpec[],
  dims: Dims,
  looked?: LookedUpNames
): { source: string; text: string; values: string; isDefault: boolean }[] {
  const names = valueNamer(dims, looked);
  return ctx.map((c) => {
    const label = params.find((p) => p.source === c.source)?.label ?? fieldLabel(model, c.field);
    const values = names(c);
    return { source: c.source, text: `${label}: ${values}${c.isDefault ? '（既定）' : ''}`, values, isDefault: !!c.isDefault };
  });
}
