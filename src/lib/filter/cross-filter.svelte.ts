import type { Scalar } from '../sql/quote';
import { writeAddress } from './address';
import type { Clause } from './clause';
import { clearSource, selectedValues, setClause, toggleValue, type FilterContext } from './filter-context';
import { effectiveContext, pageParams, scopedFilters, selectionSources, type PageDecl } from './page-context';
import { decodeQuery, encodeQuery, refuseValues, type Dropped, type ParamSpec } from './url-codec';

/**
 * A page's filter context as reactive state, mirrored in the URL. Thin: every rule lives in
 * the pure functions of filter-context.ts, page-context.ts and url-codec.ts; this class holds
 * the current value and keeps history in step — opening a link adds no history entry (a
 * non-canonical address is replaced), each change the person makes adds one.
 */
export class CrossFilter {
  clauses = $state<FilterContext>([]);
  /** What the address held that could not be used (shown as a notice). */
  dropped = $state<Dropped[]>([]);
  readonly params: ParamSpec[];
  private bound = false;
  /** The page's own path: the address is this page's only while the location has it. */
  private path = '';
  private pinned: Record<string, string> = {};

  constructor(
    readonly page: PageDecl,
    params: ParamSpec[] = pageParams(page)
  ) {
    this.params = params;
    this.effective = $derived(effectiveContext(this.page, this.clauses));
  }

  /** The one filter context of the page (defaults included) that everything on it reads (computed once per change). */
  readonly effective: Clause[];

  /**
   * Reads the address now and on back/forward; `pinned` parameters (e.g. the as-of date) go
   * with every change. A link to the same page with other parameters keeps the page mounted:
   * its caller calls `readUrl` after such a navigation (page-setup.svelte.ts).
   */
  bindToUrl(pinned: Record<string, string> = {}): () => void {
    this.pinned = pinned;
    this.bound = true;
    this.path = location.pathname;
    const read = () => this.readUrl();
    read();
    window.addEventListener('popstate', read);
    return () => {
      window.removeEventListener('popstate', read);
      this.bound = false;
    };
  }

  /**
   * Whether the address is this page's to read and write: bound, and the location still at
   * its path. Leaving the page (Back, or a link to another page) changes the location before
   * the page is unmounted: this page's popstate listener, its correction of an opened link and
   * a click's pending address update must then leave the other page's address alone (read with
   * this page's rules, /systems' one system would have cut /cases?sys=S17,S20,S08 to sys=S17).
   */
  private owns(): boolean {
    return this.bound && location.pathname === this.path;
  }

  /** Takes the filter context from the address (bound pages only, while it is theirs). */
  readUrl(): void {
    if (!this.owns()) return;
    const decoded = decodeQuery(location.search, this.params);
    const canonical = encodeQuery(decoded.clauses, this.params, location.search);
    // Read twice for one navigation (popstate and SvelteKit's afterNavigate): same state, no re-render.
    const same = canonical === encodeQuery(this.clauses, this.params, location.search) && decoded.dropped.length === 0 && this.dropped.length === 0;
    if (!same) {
      this.clauses = decoded.clauses;
      this.dropped = decoded.dropped;
    }
    // Replaced, never pushed: opening a link adds no history entry.
    if (canonical !== location.search.replace(/^\?/, '')) this.correctSoon(canonical);
  }

  /**
   * Corrects the address to `canonical` in place (no history entry), after the current task —
   * once SvelteKit's router has finished writing its own state into the entry (hydration) — if
   * it is still this page's, the filters still encode to it, and it differs.
   */
  private correctSoon(canonical: string): void {
    setTimeout(() => {
      if (this.owns() && encodeQuery(this.clauses, this.params, location.search) === canonical && canonical !== location.search.replace(/^\?/, '')) {
        writeAddress(this.href(canonical), 'replace');
      }
    });
  }

  /**
   * Values of `field` the data turned out not to have (a domain too large to check while
   * decoding, looked up once the engine is ready): they leave the context and join the
   * notice, as an invalid value in the address does; the address is corrected in place (no
   * history entry: the person did not change anything).
   */
  refuse(field: string, unknown: readonly Scalar[]): void {
    const r = refuseValues(this.clauses, this.params, field, unknown);
    if (r.dropped.length === 0) return;
    this.clauses = r.clauses;
    this.dropped = [...this.dropped, ...r.dropped];
    if (!this.owns()) return;
    this.correctSoon(encodeQuery(this.clauses, this.params, location.search));
  }

  /** The filters of visual `id`, as its declared scope resolves them. */
  for(id: string): Clause[] {
    return scopedFilters(this.page, this.effective, id);
  }

  selected(source: string): Scalar[] {
    return selectedValues(this.effective, source);
  }

  /** Whether a mark shows as selected: everything is while the source has no selection. */
  selects(source: string, value: Scalar): boolean {
    const sel = this.selected(source);
    return sel.length === 0 || sel.includes(value);
  }

  /** Whether `value` is in the source's selection (its 「選択」 button pressed): nothing is while there is none. */
  picks(source: string, value: Scalar): boolean {
    return this.selected(source).includes(value);
  }

  toggle(source: string, field: string, value: Scalar, label: string, additive: boolean): void {
    this.commit(toggleValue(this.clauses, source, field, value, label, additive));
  }

  set(clause: Clause): void {
    this.commit(setClause(this.clauses, clause));
  }

  clear(source?: string): void {
    this.commit(source === undefined ? [] : clearSource(this.clauses, source));
  }

  /**
   * Esc clears every selection made by clicking a visual (slicers stay), as in Power BI.
   * Not the Esc that closes a dialog (the browser closes a modal `<dialog>` without
   * cancelling the key): closing the download dialog must keep the selections.
   */
  listenForEscape(): () => void {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || escapeClosesDialog(e)) return;
      const visuals = new Set(selectionSources(this.page));
      if (this.clauses.some((c) => visuals.has(c.source))) this.commit(this.clauses.filter((c) => !visuals.has(c.source)));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }

  private href(query: string): string {
    return `${location.pathname}${query ? `?${query}` : ''}${location.hash}`;
  }

  private commit(next: FilterContext): void {
    this.clauses = next;
    this.dropped = [];
    if (!this.owns()) return;
    let keep = location.search.replace(/^\?/, '');
    for (const [k, v] of Object.entries(this.pinned)) {
      keep = [...keep.split('&').filter((kv) => kv && kv.split('=')[0] !== k), `${k}=${encodeURIComponent(v)}`].join('&');
    }
    const href = this.href(encodeQuery(next, this.params, keep));
    // Once the click has been answered and painted (idle), never before: the URL update is
    // not what a person waits for. Idle callbacks keep the commits' order. Not a navigation:
    // no route announcement (address.ts).
    const push = () => {
      if (this.owns()) writeAddress(href, 'push');
    };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(push, { timeout: 300 });
    else setTimeout(push);
  }
}

/** Is this Esc for a dialog: pressed inside one, or while a modal one is open? */
function escapeClosesDialog(e: KeyboardEvent): boolean {
  const inside = e.target instanceof Element && e.target.closest('dialog, [role="dialog"]') !== null;
  return inside || document.querySelector('dialog:modal') !== null;
}
