import { model } from '$model/kyodo-model';
import { fieldLabel, measureLabel } from '$lib/model/labels';
import { dimensionAlias } from '$lib/query/spec';

/**
 * Labels, units and table columns come from the model's measures and columns: a page never
 * types 「事例件数」 or its unit itself.
 */
export function measure(name: string) {
  const m = model.measures.find((x) => x.name === name);
  if (!m) throw new Error(`unknown measure ${name}`);
  return m;
}

/** A table column of a measure's values (its label from the model). */
export const measureColumn = (name: string) => ({ key: name, label: measureLabel(model, name), numeric: true });

/** A table column of a model field (`table.column`), labelled by the model unless told otherwise. */
export const fieldColumn = (field: string, label = fieldLabel(model, field)) => ({ key: dimensionAlias(field), label });

/** A chart axis/legend title of a measure. */
export const measureTitle = (name: string) => measureLabel(model, name);

/** A chart axis title of a model field. */
export const fieldTitle = (field: string) => fieldLabel(model, field);
