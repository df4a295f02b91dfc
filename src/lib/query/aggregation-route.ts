import type { Clause } from '../filter/clause';
import { AGGREGATION_ROWS, checkAggregation } from '../model/aggregation-sql';
import { splitField, type AggregationDef, type MeasureDef, type RelationshipDef, type SemanticModel } from '../model/types';
import { ident, qualified } from '../sql/quote';
import { leftJoins } from './from-clause';
import { groupedSelect } from './grouped-select';
import { joinPath } from './join-path';
import { predicateSql } from './predicate-sql';
import { dimensionAlias } from './spec';

/** One fact's share of a query: its measures by the dimensions under the filters. */
export interface FactPart {
  fact: string;
  measures: MeasureDef[];
  dimensions: string[];
  filters: readonly Clause[];
  nonNullDimensions: boolean;
}

/**
 * The fact's sub-query answered from the first declared aggregation table that covers it,
 * or null (then the base tables answer, exactly as without aggregations). Covered: every
 * measure is one the table answers, and every dimension and filter field is a grouping
 * column or a column of a table reached many-to-one through one (joined from the table).
 * A filter that would be a semi-join (a table on the fact's many side) is never covered.
 */
export function aggregatedPart(model: SemanticModel, part: FactPart): string | null {
  for (const agg of model.aggregations ?? []) {
    if (agg.fact !== part.fact || checkAggregation(model, agg)) continue;
    const sql = answerFrom(model, agg, part);
    if (sql) return sql;
  }
  return null;
}

function answerFrom(model: SemanticModel, agg: AggregationDef, part: FactPart): string | null {
  const column = (field: string) => qualified(agg.name, splitField(field).column);
  const measures: string[] = [];
  for (const m of part.measures) {
    const how = agg.measures.find((a) => a.measure === m.name);
    if (!how) return null;
    // sum() of BIGINT is HUGEINT in DuckDB: cast back, so the answer has count(*)'s type.
    const sql = how.kind === 'count' ? `CAST(coalesce(sum(${qualified(agg.name, AGGREGATION_ROWS)}), 0) AS BIGINT)` : `count(DISTINCT ${column(how.field)})`;
    measures.push(`${sql} AS ${ident(m.name)}`);
  }
  const hops: RelationshipDef[] = [];
  const resolve = (field: string): string | null => {
    if (agg.groupBy.includes(field)) return column(field);
    const { table, column: col } = splitField(field);
    const path = joinPath(model, agg.fact, table) ?? [];
    const cut = path.findLastIndex((r) => agg.groupBy.includes(`${r.from.table}.${r.from.column}`));
    if (cut < 0) return null;
    for (const r of path.slice(cut)) if (!hops.includes(r)) hops.push(r);
    return qualified(table, col);
  };
  const dims: string[] = [];
  for (const d of part.dimensions) {
    const expr = resolve(d);
    if (!expr) return null;
    dims.push(expr);
  }
  const conditions: string[] = [];
  for (const clause of part.filters) {
    const expr = resolve(clause.field);
    if (!expr) return null;
    conditions.push(predicateSql(expr, clause));
  }
  if (part.nonNullDimensions) conditions.push(...dims.map((d) => `${d} IS NOT NULL`));
  // A hop from a grouping column joins from the aggregation table; the hops after it, from the table joined before.
  const joins = leftJoins(hops, (r) => (agg.groupBy.includes(`${r.from.table}.${r.from.column}`) ? qualified(agg.name, r.from.column) : qualified(r.from.table, r.from.column)));
  const select = [...dims.map((d, i) => `${d} AS ${ident(dimensionAlias(part.dimensions[i]!))}`), ...measures];
  return groupedSelect(select, [`FROM ${ident(agg.name)} AS ${ident(agg.name)}`, ...joins].join('\n'), conditions, dims.length);
}
