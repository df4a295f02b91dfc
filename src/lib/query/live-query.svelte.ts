import type { QueryEngine, Row } from '../db/types';
import { answerGroups } from './answer-group';
import { clickFigures } from './click-figures.svelte';
import { shippedData } from './shipped-data.svelte';
import type { InitialFigures } from './initial-figures';
import type { CompileResult } from './spec';

/**
 * A visual's data: re-runs its compiled SQL whenever the inputs `compile` reads change
 * (filter context, slicers). A SQL text that build-time figures answer — the prerendered
 * default view, or a one-click state (click-figures) — is answered from them at once, before
 * and after the engine is ready (SQL text is the cache key; the figures come from the same
 * model and compiler on native DuckDB, and an e2e test checks they equal DuckDB-WASM's answer
 * for every one of them): no worker round trip for the clicks people make most. Anything else
 * runs on the engine; before the engine is ready it shows "pending", never unfiltered numbers,
 * and runs when the engine arrives. The engine answers of one change are applied together
 * (answer-group.ts): one page update per click, not one per visual. Build-time figures
 * describe the shipped data only. A `compile` that gives `null` asks nothing: no rows, not pending.
 */
export class LiveQuery {
  rows = $state<Row[]>([]);
  error = $state<string | null>(null);
  pending = $state(false);
  sql = $state('');
  /** ms of the last completed query, for the latency readout and tests. */
  elapsed = $state(0);
  private ticket = 0;

  /** Asked and not answered yet, with nothing older to show (no engine yet): a figure is 集計中, not 0 or なし. */
  get counting(): boolean {
    return this.pending && this.rows.length === 0;
  }

  constructor(engine: () => QueryEngine | null, compile: () => CompileResult | null, initial?: InitialFigures) {
    this.rows = shippedData.current ? (initial?.rows ?? []) : [];
    // A pre-effect: it runs while Svelte walks the component tree, before the DOM updates a
    // change causes (filter bar, selected marks, …) and before the charts' own effects, so a
    // click's queries reach the worker first and their pending state or build-time answer is
    // drawn in that same update. (A plain $effect runs after them and costs a second update.)
    $effect.pre(() => {
      const compiled = compile();
      const db = engine();
      if (compiled === null) {
        ++this.ticket; // an answer still on its way is for a question no longer asked
        this.sql = '';
        this.rows = [];
        this.error = null;
        this.pending = false;
        return;
      }
      if (!compiled.ok) {
        this.error = compiled.error;
        return;
      }
      this.sql = compiled.sql;
      // Build-time answers describe the shipped data only: never shown while the user's own data is active.
      const known = !shippedData.current
        ? undefined
        : initial !== undefined && initial.sql === compiled.sql
          ? initial.rows
          : clickFigures.get(compiled.sql);
      if (known !== undefined) {
        ++this.ticket; // an engine answer still on its way is for an older state
        this.rows = known;
        this.error = null;
        this.pending = false;
        return;
      }
      if (!db) {
        this.rows = [];
        this.pending = true;
        return;
      }
      const ticket = ++this.ticket;
      const started = performance.now();
      this.pending = true;
      // Delivered together with the answers of the other queries this change started (answer-group.ts).
      answerGroups.add(db.query(compiled.sql), (outcome) => {
        if (ticket !== this.ticket) return;
        if (outcome.ok) {
          this.rows = outcome.value;
          this.error = null;
          this.elapsed = performance.now() - started;
        } else {
          const e = outcome.error;
          this.error = e instanceof Error ? e.message : String(e);
        }
        this.pending = false;
      });
    });
  }
}
