/**
 * One fact's sub-query: SELECT (the dimensions first, then the measures) FROM … WHERE …
 * GROUP BY the dimensions' positions — from the base tables (compile.ts) or from an
 * aggregation table (aggregation-route.ts) alike.
 */
export function groupedSelect(select: readonly string[], from: string, conditions: readonly string[], dimensionCount: number): string {
  return [
    `SELECT ${select.join(', ')}`,
    from,
    conditions.length ? `WHERE ${conditions.join('\n  AND ')}` : '',
    dimensionCount ? `GROUP BY ${Array.from({ length: dimensionCount }, (_, i) => i + 1).join(', ')}` : ''
  ].filter(Boolean).join('\n');
}
