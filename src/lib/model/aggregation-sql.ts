import { fromClause } from '../query/from-clause';
import { joinPath } from '../query/join-path';
import { checkFields } from '../query/validate';
import { ident, qualified } from '../sql/quote';
import { splitField, type AggregationDef, type SemanticModel } from './types';

/** The column of an aggregation table holding each group's number of fact rows. */
export const AGGREGATION_ROWS = 'row_count';

const squash = (sql: string) => sql.replace(/\s+/g, '').toLowerCase();

/**
 * Why `agg` cannot stand in for its fact table, or null when it can: its grouping fields
 * are model columns reachable many-to-one from the fact, with distinct column names; each
 * measure it claims is over that fact and has the SQL its kind assumes — `count(*)` for
 * `count`, `count(DISTINCT "t"."c")` of a grouping column for `distinct`.
 */
export function checkAggregation(model: SemanticModel, agg: AggregationDef): string | null {
  const where = `集計テーブル「${agg.name}」`;
  if (!model.tables.some((t) => t.name === agg.fact)) return `${where}: 元のテーブル「${agg.fact}」はモデルにありません (unknown fact table)`;
  if (agg.groupBy.length === 0) return `${where}: グループ化する列がありません (no grouping columns)`;
  const bad = checkFields(model, agg.groupBy);
  if (bad) return `${where}: ${bad}`;
  const columns = agg.groupBy.map((f) => splitField(f).column);
  if (new Set([...columns, AGGREGATION_ROWS]).size !== columns.length + 1) return `${where}: 列名が重複しています (duplicate column name)`;
  for (const f of agg.groupBy) {
    if (!joinPath(model, agg.fact, splitField(f).table)) return `${where}: 「${f}」は「${agg.fact}」から多対一でたどれません (grouping field not reachable)`;
  }
  for (const a of agg.measures) {
    const m = model.measures.find((x) => x.name === a.measure);
    if (!m || m.table !== agg.fact) return `${where}: メジャー「${a.measure}」は「${agg.fact}」のメジャーではありません (measure not over the fact)`;
    const expected =
      a.kind === 'count' ? 'count(*)' : agg.groupBy.includes(a.field) ? `count(DISTINCT ${qualified(splitField(a.field).table, splitField(a.field).column)})` : null;
    if (!expected || squash(m.sql) !== squash(expected)) {
      return `${where}: メジャー「${a.measure}」はこの集計テーブルから求められません (measure SQL does not match its kind)`;
    }
  }
  return null;
}

/** The statement that makes one aggregation table (run at load, after the views). */
export function aggregationTableSql(model: SemanticModel, agg: AggregationDef): { ok: true; sql: string } | { ok: false; error: string } {
  const bad = checkAggregation(model, agg);
  if (bad) return { ok: false, error: bad };
  const from = fromClause(model, agg.fact, agg.groupBy.map((f) => splitField(f).table));
  if (typeof from !== 'string') return { ok: false, error: from.error };
  const keys = agg.groupBy.map((f, i) => `${qualified(splitField(f).table, splitField(f).column)} AS ${ident(splitField(f).column)}`).concat(`count(*) AS ${ident(AGGREGATION_ROWS)}`);
  const positions = agg.groupBy.map((_, i) => i + 1).join(', ');
  // Sorted by the grouping columns: the same table on every load, and a filter on the first
  // of them skips most row groups.
  return { ok: true, sql: `CREATE OR REPLACE TABLE ${ident(agg.name)} AS\nSELECT ${keys.join(', ')}\n${from}\nGROUP BY ${positions}\nORDER BY ${positions}` };
}

/** Every aggregation table's statement, for a dataset's setup SQL; a bad declaration is a model bug and throws. */
export function aggregationSetupSql(model: SemanticModel): string[] {
  return (model.aggregations ?? []).map((agg) => {
    const made = aggregationTableSql(model, agg);
    if (!made.ok) throw new Error(made.error);
    return made.sql;
  });
}
