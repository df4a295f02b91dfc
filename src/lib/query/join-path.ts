import type { RelationshipDef, SemanticModel } from '../model/types';

/**
 * Many-to-one hops from a fact table to `target`, shortest first (breadth-first, ties go
 * to declaration order). Filters only travel this way, from the one side to the many
 * side, as in Power BI's single-direction relationships.
 */
export function joinPath(model: SemanticModel, from: string, target: string): RelationshipDef[] | null {
  if (from === target) return [];
  const queue: { table: string; path: RelationshipDef[] }[] = [{ table: from, path: [] }];
  const seen = new Set([from]);
  while (queue.length > 0) {
    const { table, path } = queue.shift()!;
    for (const rel of model.relationships) {
      if (rel.inactive || rel.from.table !== table || seen.has(rel.to.table)) continue;
      const next = [...path, rel];
      if (rel.to.table === target) return next;
      seen.add(rel.to.table);
      queue.push({ table: rel.to.table, path: next });
    }
  }
  return null;
}
