import { onMount } from 'svelte';
import { assets } from '$app/paths';
import { AS_OF, dataset } from '$model/dataset';
import { engineState } from '$lib/db/engine-state.svelte';
import { CrossFilter } from '$lib/filter/cross-filter.svelte';
import { pageParams, type PageDecl } from '$lib/filter/page-context';
import { AS_OF_PARAM, withDomains } from './filter-registry';
import type { Dims } from './labels';

/**
 * What every dashboard page does on start: its declared filter context bound to the URL
 * (known keys only, the as-of date pinned), Esc clearing its visuals' selections, and the
 * shared engine started (it survives page navigation). Call during component initialisation.
 */
export function setupPage(page: PageDecl, dims: Dims): CrossFilter {
  const xf = new CrossFilter(page, withDomains(pageParams(page), dims));
  onMount(() => {
    void engineState.start(dataset, new URL(`${assets}/data/`, location.href));
    const unbind = xf.bindToUrl({ [AS_OF_PARAM]: AS_OF });
    const unlisten = xf.listenForEscape();
    return () => {
      unbind();
      unlisten();
    };
  });
  return xf;
}
