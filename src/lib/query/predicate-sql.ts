import type { Clause } from '../filter/clause';
import { literal } from '../sql/quote';

/** SQL condition for one clause over an already-qualified column expression. */
export function predicateSql(column: string, clause: Clause): string {
  const p = clause.predicate;
  if (p.kind === 'in') {
    const nonNull = p.values.filter((v) => v !== null);
    const parts: string[] = [];
    if (nonNull.length > 0) parts.push(`${column} IN (${nonNull.map(literal).join(', ')})`);
    if (nonNull.length < p.values.length) parts.push(`${column} IS NULL`);
    return parts.length === 0 ? 'FALSE' : parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`;
  }
  const parts: string[] = [];
  if (p.min !== null) parts.push(`${column} >= ${literal(p.min)}`);
  if (p.max !== null) parts.push(`${column} <= ${literal(p.max)}`);
  return parts.length === 0 ? 'TRUE' : parts.join(' AND ');
}
