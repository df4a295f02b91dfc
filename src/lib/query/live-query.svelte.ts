import { engineState } from '../db/engine-state.svelte';
import type { QueryEngine, Row } from '../db/types';
import type { InitialFigures } from './initial-figures';
import type { CompileResult } from './spec';

/**
 * A visual's data: re-runs its compiled SQL whenever the inputs `compile` reads change
 * (filter context, slicers) and an engine is available. Before the engine is ready it
 * shows the prerendered figures, but only while its SQL is the one they answer: a view
 * restored from a URL with filters shows "pending", never unfiltered numbers.
 */
export class LiveQuery {
  rows = $state<Row[]>([]);
  error = $state<string | null>(null);
  pending = $state(false);
  sql = $state('');
  /** ms of the last completed query, for the latency readout and tests. */
  elapsed = $state(0);
  private ticket = 0;

  constructor(engine: () => QueryEngine | null, compile: () => CompileResult, initial?: InitialFigures) {
    this.rows = engineState.publishedShown ? (initial?.rows ?? []) : [];
    $effect(() => {
      const compiled = compile();
      const db = engine();
      if (!compiled.ok) {
        this.error = compiled.error;
        return;
      }
      this.sql = compiled.sql;
      if (!db) {
        // Prerendered figures are the published data's: never shown while the user's own data is active.
        const known = initial !== undefined && initial.sql === compiled.sql && engineState.publishedShown;
        this.rows = known ? initial.rows : [];
        this.pending = !known;
        return;
      }
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
