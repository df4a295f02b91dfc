import { model } from '$model/kyodo-model';
import type { Row } from '$lib/db/types';
import type { ParamSpec } from '$lib/filter/url-codec';
import { fieldType } from '$lib/model/labels';
import type { SlicerDef } from '$lib/model/types';
import type { NamedField } from '$lib/query/value-names.svelte';

/**
 * The slicers every page may carry in its URL, one list with the model's slicers
 * (model/kyodo-model.ts: label, field, URL parameter). Visual selections are declared by
 * each page with its visuals (e.g. systems/systems-page.ts). The URL scheme is in README.md.
 */
function slicerParam(s: SlicerDef): ParamSpec {
  return {
    source: s.param,
    field: s.field,
    kind: s.kind === 'range' ? 'range' : 'in',
    valueType: ['integer', 'bigint'].includes(fieldType(model, s.field) ?? '') ? 'integer' : 'string',
    label: s.label,
    ...(s.aliases ? { aliases: s.aliases } : {}),
    ...(s.bounds ? { bounds: s.bounds } : {}),
    ...(s.pattern ? { pattern: new RegExp(s.pattern) } : {})
  };
}
const byName = (name: string) => slicerParam(model.slicers.find((s) => s.name === name)!);

export const SLICERS = {
  system: byName('system'),
  prefecture: byName('prefecture'),
  year: byName('year'),
  municipality: byName('municipality')
} as const;

/** The slicers every dashboard page reads (a page may narrow one, e.g. to one system). */
export const COMMON_SLICERS: readonly ParamSpec[] = [SLICERS.system, SLICERS.year, SLICERS.prefecture, SLICERS.municipality];

/**
 * Fields whose values are named (and checked: a key the data lacks is refused with a notice)
 * by a look-up in the data once the engine is ready: the municipality slicer's, 1,741 codes,
 * too many to ship with every page as the systems and prefectures are. Every parameter on
 * this field is covered, the slicer (`muni`) and a visual's selection (/participation's map).
 */
export const LOOKED_UP: readonly NamedField[] = model.slicers
  .filter((s) => s.name === 'municipality' && s.labelField)
  .map((s) => ({ field: s.field, labelField: s.labelField! }));

/** The URL parameter that pins a link to the data it was made with. */
export const AS_OF_PARAM = 'asof';

/** Known keys by field, from the dimension rows every page has: a URL may name only these. */
export function withDomains(params: readonly ParamSpec[], dims: { systems: Row[]; prefectures: Row[] }): ParamSpec[] {
  const domains: Record<string, string[]> = {
    'cases.system_id': dims.systems.map((r) => String(r.system_id)),
    'cases.prefecture_code': dims.prefectures.map((r) => String(r.prefecture_code))
  };
  return params.map((p) => (p.domain || !domains[p.field] ? p : { ...p, domain: domains[p.field] }));
}
