import { model } from '$model/kyodo-model';
import type { Row } from '$lib/db/types';
import type { Clause } from '$lib/filter/clause';
import type { ParamSpec } from '$lib/filter/url-codec';
import { fieldLabel } from '$lib/model/labels';

export type Dims = { systems: Row[]; prefectures: Row[]; municipalities?: Row[] };

/** The words for a clause's values: names for keys (system, prefecture, municipality), 年 for years. */
export function valueNamer(dims: Dims) {
  const systems = new Map(dims.systems.map((r) => [r.system_id, `${r.system_name}（${r.division}）`]));
  const prefectures = new Map(dims.prefectures.map((r) => [r.prefecture_code, String(r.prefecture_name)]));
  const municipalities = new Map((dims.municipalities ?? []).map((r) => [r.lg_code, String(r.display_name)]));
  const value = (c: Clause, v: unknown, i: number): string => {
    if (c.field.endsWith('.lg_code')) return municipalities.get(v as string) ?? c.labels?.[i] ?? String(v);
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
export function clauseChips(ctx: readonly Clause[], params: readonly ParamSpec[], dims: Dims): { source: string; text: string; values: string; isDefault: boolean }[] {
  const names = valueNamer(dims);
  return ctx.map((c) => {
    const label = params.find((p) => p.source === c.source)?.label ?? fieldLabel(model, c.field);
    const values = names(c);
    return { source: c.source, text: `${label}: ${values}${c.isDefault ? '（既定）' : ''}`, values, isDefault: !!c.isDefault };
  });
}
