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
  const joins = hops.map(
    (r) =>
      `LEFT JOIN ${ident(r.to.table)} AS ${ident(r.to.table)} ON ${qualified(r.from.table, r.from.column)} = ${qualified(r.to.table, r.to.column)}`
  );
  return [`FROM ${ident(base)} AS ${ident(base)}`, ...joins].join('\n');
}
