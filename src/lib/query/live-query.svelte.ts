import type { QueryEngine, Row } from '../db/types';
import type { CompileResult } from './spec';

/**
 * A visual's data: re-runs its compiled SQL whenever the inputs `compile` reads change
 * (filter context, slicers) and an engine is available. Until then it shows `initial`
 * (the figures prerendered at build time). Stale answers to superseded queries are dropped.
 */
export class LiveQuery {
  rows = $state<Row[]>([]);
  error = $state<string | null>(null);
  pending = $state(false);
  sql = $state('');
  /** ms of the last completed query, for the latency readout and tests. */
  elapsed = $state(0);
  private ticket = 0;

  constructor(engine: () => QueryEngine | null, compile: () => CompileResult, initial: Row[] = []) {
    this.rows = initial;
    $effect(() => {
      const compiled = compile();
      const db = engine();
      if (!compiled.ok) {
        this.error = compiled.error;
        return;
      }
      this.sql = compiled.sql;
      if (!db) return;
      const ticket = ++this.ticket;
      const started = performance.now();
      this.pending = true;
      db.query(compiled.sql).then(
        (rows) => {
          if (ticket !== this.ticket) return;
          this.rows = rows;
          this.error = null;
          this.pending = false;
          this.elapsed = performance.now() - started;
        },
        (e: unknown) => {
          if (ticket !== this.ticket) return;
          this.error = e instanceof Error ? e.message : String(e);
          this.pending = false;
        }
      );
    });
  }
}
