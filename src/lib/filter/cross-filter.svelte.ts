import type { Scalar } from '../sql/quote';
import type { Clause } from './clause';
import { clearSource, filtersFor, selectedValues, setClause, toggleValue, type FilterContext } from './filter-context';

/**
 * The page's filter context as reactive state. Thin: every rule lives in the pure
 * functions of filter-context.ts; this class only holds the current value.
 */
export class CrossFilter {
  clauses = $state<FilterContext>([]);

  constructor(initial: FilterContext = []) {
    this.clauses = initial;
  }

  for(clientId: string): Clause[] {
    return filtersFor(this.clauses, clientId);
  }

  selected(source: string): Scalar[] {
    return selectedValues(this.clauses, source);
  }

  toggle(source: string, field: string, value: Scalar, label: string, additive: boolean): void {
    this.clauses = toggleValue(this.clauses, source, field, value, label, additive);
  }

  set(clause: Clause): void {
    this.clauses = setClause(this.clauses, clause);
  }

  clear(source?: string): void {
    this.clauses = source === undefined ? [] : clearSource(this.clauses, source);
  }

  /** Esc clears every selection made by clicking a visual (slicers stay), as in Power BI. */
  listenForEscape(visualSources: () => string[]): () => void {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      const visuals = new Set(visualSources());
      this.clauses = this.clauses.filter((c) => !visuals.has(c.source));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }
}
