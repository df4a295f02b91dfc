import type { QueryEngine, Row } from '../db/types';
import { clickFigures } from './click-figures.svelte';
import { shippedData } from './shipped-data.svelte';
import type { InitialFigures } from './initial-figures';
import type { CompileResult } from './spec';

/**
 * A visual's data: re-runs its compiled SQL whenever the inputs `compile` reads change
 * (filter context, slicers) and an engine is available. Before the engine is ready it
 * shows the prerendered figures, but only while its SQL is the one they answer, or the
 * build-time figures of a one-click state (click-figures); any other view shows "pending",
 * never unfiltered numbers, and runs when the engine arrives.
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
    this.rows = shippedData.current ? (initial?.rows ?? []) : [];
    $effect(() => {
      const compiled = compile();
      const db = engine();
      if (!compiled.ok) {
        this.error = compiled.error;
        return;
      }
      this.sql = compiled.sql;
      if (!db) {
        // Build-time answers describe the shipped data only: never shown while the user's own data is active.
        const known = !shippedData.current
          ? undefined
          : initial !== undefined && initial.sql === compiled.sql
            ? initial.rows
            : clickFigures.get(compiled.sql);
        this.rows = known ?? [];
        this.pending = known === undefined;
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
