import { pushState } from '$app/navigation';
import type { Scalar } from '../sql/quote';
import type { Clause } from './clause';
import { clearSource, filtersFor, selectedValues, setClause, toggleValue, type FilterContext } from './filter-context';
import { decodeFilters, encodeFilters, type UrlFilter } from './url-state';

/**
 * The page's filter context as reactive state, mirrored in the URL when bound to a
 * registry. Thin: every rule lives in the pure functions of filter-context.ts and
 * url-state.ts; this class holds the current value and keeps history in step.
 */
export class CrossFilter {
  clauses = $state<FilterContext>([]);
  private registry: readonly UrlFilter[] | null = null;
  private pinned: Record<string, string> = {};

  constructor(initial: FilterContext = []) {
    this.clauses = initial;
  }

  /**
   * Reads the filters from the URL now and on back/forward; later changes push history
   * entries. `pinned` parameters (e.g. the data's as-of date) are written with every change.
   */
  bindToUrl(registry: readonly UrlFilter[], pinned: Record<string, string> = {}): () => void {
    this.registry = registry;
    this.pinned = pinned;
    const read = () => (this.clauses = decodeFilters(new URLSearchParams(location.search), registry));
    read();
    window.addEventListener('popstate', read);
    return () => {
      window.removeEventListener('popstate', read);
      this.registry = null;
    };
  }

  for(clientId: string): Clause[] {
    return filtersFor(this.clauses, clientId);
  }

  selected(source: string): Scalar[] {
    return selectedValues(this.clauses, source);
  }

  /** Whether a mark shows as selected: everything is while the source has no selection. */
  selects(source: string, value: Scalar): boolean {
    const sel = selectedValues(this.clauses, source);
    return sel.length === 0 || sel.includes(value);
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

  /** Esc clears every selection made by clicking a visual (slicers stay), as in Power BI. */
  listenForEscape(visualSources: () => string[]): () => void {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      const visuals = new Set(visualSources());
      if (this.clauses.some((c) => visuals.has(c.source))) this.commit(this.clauses.filter((c) => !visuals.has(c.source)));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }

  private commit(next: FilterContext): void {
    this.clauses = next;
    if (!this.registry) return;
    const params = encodeFilters(next, this.registry, new URLSearchParams(location.search));
    for (const [k, v] of Object.entries(this.pinned)) params.set(k, v);
    const query = params.toString();
    // SvelteKit's shallow routing keeps its router's history bookkeeping intact.
    pushState(`${location.pathname}${query ? `?${query}` : ''}${location.hash}`, {});
  }
}
