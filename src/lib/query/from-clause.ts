import type { RelationshipDef, SemanticModel } from '../model/types';
import { ident, qualified } from '../sql/quote';
import { joinPath } from './join-path';

/**
 * FROM … LEFT JOIN … for a base table and every table reachable many-to-one that the
 * query touches. Each table is aliased by its model name, which is also its view name,
 * so measure SQL written as "table"."column" works unchanged.
 */
export function fromClause(model: SemanticModel, base: string, needed: Iterable<string>): string | { error: string } {
  const hops: RelationshipDef[] = [];
  for (const table of needed) {
    const path = joinPath(model, base, table);
    if (!path) return { error: `「${table}」は「${base}」から多対一の関係でたどれません (no many-to-one path from ${base} to ${table})` };
    for (const rel of path) if (!hops.includes(rel)) hops.push(rel);
  }
  return [`FROM ${ident(base)} AS ${ident(base)}`, ...leftJoins(hops)].join('\n');
}

/**
 * LEFT JOIN … ON … for these many-to-one hops, each joined table aliased by its model name.
 * `left` is a hop's own side: its table's column unless the caller reads it elsewhere (an
 * aggregation table holding the key as one of its grouping columns).
 */
export function leftJoins(hops: readonly RelationshipDef[], left = (r: RelationshipDef) => qualified(r.from.table, r.from.column)): string[] {
  return hops.map((r) => `LEFT JOIN ${ident(r.to.table)} AS ${ident(r.to.table)} ON ${left(r)} = ${qualified(r.to.table, r.to.column)}`);
}
