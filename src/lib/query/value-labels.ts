import type { Scalar } from '../sql/quote';
import { splitField, type SemanticModel } from '../model/types';
import { compileRows } from './compile';
import { dimensionAlias, type CompileResult } from './spec';

/**
 * Where the names of a key field's values live: `labelField` (a slicer's declared label
 * column) in the table the key points at. The key column there is the target of the key
 * field's many-to-one relationship (`sale.shop` → `shop.code`), or the key field itself
 * when the label is in the same table.
 */
export interface ValueLabels {
  /** The label table's key column (`table.column`). */
  key: string;
  labelField: string;
}

export function valueLabels(model: SemanticModel, field: string, labelField: string): ValueLabels | { error: string } {
  const from = splitField(field);
  const to = splitField(labelField);
  if (from.table === to.table) return { key: field, labelField };
  const rel = model.relationships.find((r) => !r.inactive && r.from.table === from.table && r.from.column === from.column && r.to.table === to.table);
  if (!rel) return { error: `「${field}」から「${labelField}」への関係がモデルにありません (no relationship for labels)` };
  return { key: `${rel.to.table}.${rel.to.column}`, labelField };
}

/**
 * The query for the names of just `values` (a domain too large to ship with every page, e.g.
 * 1,741 municipality codes): rows `{ [keyAlias]: value, [labelAlias]: name }`, one per value
 * the data has — a value without a row is not in the data. `null` when there is nothing to ask.
 * Values are quoted by the compiler (a clause on the key), never concatenated.
 */
export function valueLabelsQuery(
  model: SemanticModel,
  lookup: ValueLabels,
  values: readonly Scalar[]
): (CompileResult & { keyAlias: string; labelAlias: string }) | null {
  if (values.length === 0) return null;
  const keyAlias = dimensionAlias(lookup.key);
  const labelAlias = dimensionAlias(lookup.labelField);
  const compiled = compileRows(model, {
    from: splitField(lookup.key).table,
    columns: [lookup.key, lookup.labelField],
    filters: [{ source: 'value-labels', field: lookup.key, predicate: { kind: 'in', values: [...values] } }],
    orderBy: [{ key: keyAlias }]
  });
  return { ...compiled, keyAlias, labelAlias };
}
