import type { Clause } from '../filter/clause';
import { splitField, type SemanticModel } from '../model/types';
import { qualified } from '../sql/quote';
import { fromClause } from './from-clause';
import { joinPath } from './join-path';
import { predicateSql } from './predicate-sql';

/**
 * Conditions that apply `filters` to rows of `base`.
 * A filter on a table `base` reaches many-to-one is a plain predicate (its table is joined).
 * A filter on a table on the many side of `base` (e.g. a participating municipality while
 * counting cases) becomes a semi-join: keep the base rows that some matching row points at.
 */
export function whereConditions(
  model: SemanticModel,
  base: string,
  filters: readonly Clause[]
): { conditions: string[]; joinTables: string[] } | { error: string } {
  const conditions: string[] = [];
  const joinTables: string[] = [];
  for (const clause of filters) {
    const { table, column } = splitField(clause.field);
    if (joinPath(model, base, table)) {
      joinTables.push(table);
      conditions.push(predicateSql(qualified(table, column), clause));
      continue;
    }
    const back = joinPath(model, table, base);
    const last = back?.at(-1);
    if (!back || !last) return { error: `フィルター「${clause.field}」は「${base}」に届きません (filter cannot reach ${base})` };
    const inner = fromClause(model, table, back.slice(0, -1).map((r) => r.to.table));
    if (typeof inner !== 'string') return inner;
    const key = qualified(last.from.table, last.from.column);
    conditions.push(
      `${qualified(base, last.to.column)} IN (SELECT ${key} ${inner.replaceAll('\n', ' ')} WHERE ${predicateSql(qualified(table, column), clause)})`
    );
  }
  return { conditions, joinTables };
}
