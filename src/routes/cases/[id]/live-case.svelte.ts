import { engineState } from '$lib/db/engine-state.svelte';
import type { Row } from '$lib/db/types';
import { LiveQuery } from '$lib/query/live-query.svelte';
import type { CompileResult } from '$lib/query/spec';
import { caseQuery, participantsQuery, subsidiesQuery } from './detail-queries';

export type LiveCaseState =
  | { kind: 'no-id' }
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'unknown'; id: string }
  | { kind: 'found'; case: Row; participants: Row[]; subsidies: Row[] };

/** Asks nothing: no id, or one the quoting helper refuses (a NUL byte), which no case can have. */
const NOTHING: CompileResult = { ok: false, error: '' };

function compiled(q: (id: string) => CompileResult, id: string | null): CompileResult {
  if (!id) return NOTHING;
  try {
    return q(id);
  } catch {
    return NOTHING;
  }
}

/**
 * One case read from the engine, whatever data it holds (the user's own data, or the shipped
 * data when a live link is opened on it): the same three compiled queries as the prerendered
 * page (detail-queries.ts), so the id reaches SQL only as a filter value quoted by the
 * compiler (src/lib/sql/quote.ts). Call during component initialisation (LiveQuery's effects).
 */
export class LiveCase {
  private readonly caseRow: LiveQuery;
  private readonly participants: LiveQuery;
  private readonly subsidies: LiveQuery;

  constructor(private readonly id: () => string | null) {
    const engine = () => engineState.engine;
    const when = (q: (id: string) => CompileResult) => () => compiled(q, id());
    this.caseRow = new LiveQuery(engine, when(caseQuery));
    this.participants = new LiveQuery(engine, when(participantsQuery));
    this.subsidies = new LiveQuery(engine, when(subsidiesQuery));
  }

  get state(): LiveCaseState {
    const id = this.id();
    if (!id) return { kind: 'no-id' };
    if (!compiled(caseQuery, id).ok) return { kind: 'unknown', id };
    const queries = [this.caseRow, this.participants, this.subsidies];
    const failed = queries.find((q) => q.error);
    if (failed) return { kind: 'error', message: failed.error! };
    // The engine could not start (or stopped): say so rather than load forever.
    if (engineState.error) return { kind: 'error', message: engineState.error };
    // Nothing is known before the engine answers (build-time rows never stand in for the user's data).
    if (!engineState.engine || queries.some((q) => q.pending || q.sql === '')) return { kind: 'loading' };
    const row = this.caseRow.rows[0];
    if (!row) return { kind: 'unknown', id };
    return { kind: 'found', case: row, participants: this.participants.rows, subsidies: this.subsidies.rows };
  }
}
