import type { QueryEngine, Row } from './types';

/**
 * Memoises results by SQL text (Mosaic's rule: the SQL is the cache key). Failed queries
 * are forgotten so a retry runs again. The model's views are read-only, so entries never go stale.
 */
export class QueryCache implements QueryEngine {
  private readonly entries = new Map<string, Promise<Row[]>>();

  constructor(private readonly engine: QueryEngine, private readonly maxEntries = 500) {}

  query(sql: string): Promise<Row[]> {
    const hit = this.entries.get(sql);
    if (hit) return hit;
    const result = this.engine.query(sql);
    this.entries.set(sql, result);
    result.catch(() => this.entries.delete(sql));
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return result;
  }
}
