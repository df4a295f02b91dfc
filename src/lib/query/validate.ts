import { splitField, type SemanticModel } from '../model/types';
import { ident } from '../sql/quote';

/** The first field that the model does not declare, as a bilingual message; null if all exist. */
export function checkFields(model: SemanticModel, fields: string[]): string | null {
  for (const field of fields) {
    let ref;
    try {
      ref = splitField(field);
    } catch {
      return `フィールド「${field}」は「テーブル.列」の形式ではありません (field must be table.column)`;
    }
    const table = model.tables.find((t) => t.name === ref.table);
    if (!table?.columns.some((c) => c.name === ref.column)) return `フィールド「${field}」はモデルにありません (unknown field)`;
  }
  return null;
}

/**
 * ORDER BY / LIMIT / OFFSET over output aliases only, so ordering can never inject SQL.
 * `tieBreakers` (output aliases that identify a row, e.g. an aggregate's dimensions) follow
 * the requested keys, so rows that tie on them come in one order on every engine: the same
 * SQL text always means the same rows in the same order (build-time answers stand in for
 * DuckDB-WASM's, keyed by that text).
 */
export function orderLimit(
  spec: { orderBy?: { key: string; desc?: boolean }[]; limit?: number; offset?: number },
  outputs: string[],
  tieBreakers: string[] = []
): string | { error: string } {
  const order = spec.orderBy ?? [];
  for (const o of order) if (!outputs.includes(o.key)) return { error: `並べ替えの列「${o.key}」は結果にありません (unknown order key)` };
  if (spec.limit !== undefined && !(Number.isInteger(spec.limit) && spec.limit >= 0)) return { error: 'LIMIT は 0 以上の整数です (bad limit)' };
  const parts = [];
  const keys = order.length ? [...order, ...tieBreakers.filter((k) => !order.some((o) => o.key === k)).map((key) => ({ key, desc: false }))] : [];
  if (keys.length) parts.push(`ORDER BY ${keys.map((o) => `${ident(o.key)}${o.desc ? ' DESC' : ''}`).join(', ')}`);
  if (spec.offset !== undefined && !(Number.isInteger(spec.offset) && spec.offset >= 0)) return { error: 'OFFSET は 0 以上の整数です (bad offset)' };
  if (spec.limit !== undefined) parts.push(`LIMIT ${spec.limit}`);
  if (spec.offset) parts.push(`OFFSET ${spec.offset}`);
  return parts.length ? `\n${parts.join('\n')}` : '';
}
