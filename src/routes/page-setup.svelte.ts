import { onMount } from 'svelte';
import { afterNavigate } from '$app/navigation';
import { AS_OF } from '$model/dataset';
import { CrossFilter } from '$lib/filter/cross-filter.svelte';
import { pageParams, type PageDecl } from '$lib/filter/page-context';
import { provideVisualDefaults } from '$lib/ui/visual-defaults';
import { AS_OF_PARAM, withDomains } from './filter-registry';
import type { Dims } from './labels';

/**
 * What every dashboard page does on start: its declared filter context bound to the URL
 * (known keys only, the as-of date pinned; read again when a link leads to the same page)
 * and Esc clearing its visuals' selections; its visuals get what the declaration says for
 * all of them (the words for no matching row). The engine is started by the layout's load
 * (start-engine.ts). Call during component initialisation.
 */
export function setupPage(page: PageDecl, dims: Dims): CrossFilter {
  provideVisualDefaults({ empty: page.empty });
  const xf = new CrossFilter(page, withDomains(pageParams(page), dims));
  // A link to this same page (other parameters) is a navigation that keeps the page mounted:
  // its address is read again. (The first read is bindToUrl's; the filter's own address
  // writes are shallow and navigate nowhere.)
  afterNavigate((nav) => {
    if (nav.type !== 'enter') xf.readUrl();
  });
  onMount(() => {
    const unbind = xf.bindToUrl({ [AS_OF_PARAM]: AS_OF });
    const unlisten = xf.listenForEscape();
    return () => {
      unbind();
      unlisten();
    };
  });
  return xf;
}
