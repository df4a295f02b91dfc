import { onMount } from 'svelte';
import type { Clause } from '$lib/filter/clause';

/**
 * The filter context of the page on screen, as the layout's 「データをダウンロード」 reads
 * it: the same clauses (defaults included) and the same words as the page's filter bar.
 * The layout never decodes the address itself.
 */
export interface PageFilters {
  clauses: () => readonly Clause[];
  /** One text per clause, as the filter bar shows it. */
  chips: () => readonly string[];
  /** Whether a value in the texts has no name yet (名称を確認中, or its code if none comes): they are not final. */
  unnamed?: () => boolean;
}

class CurrentPage {
  value = $state<PageFilters | null>(null);
}
export const currentPage = new CurrentPage();

/** Registers the page's filters while it is mounted. Call during component initialisation. */
export function providePageFilters(filters: PageFilters): void {
  onMount(() => {
    currentPage.value = filters;
    return () => {
      if (currentPage.value === filters) currentPage.value = null;
    };
  });
}
