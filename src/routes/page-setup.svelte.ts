import { onMount } from 'svelte';
import { assets } from '$app/paths';
import { AS_OF, dataset } from '$model/dataset';
import { engineState } from '$lib/db/engine-state.svelte';
import { CrossFilter } from '$lib/filter/cross-filter.svelte';
import { AS_OF_PARAM, REGISTRY } from './filter-registry';

/**
 * What every dashboard page does on start: one filter context bound to the URL (with the
 * as-of date pinned), Esc clearing the page's visual selections, and the shared engine
 * started (it survives page navigation). Call during component initialisation.
 */
export function setupPage(visualSources: readonly string[]): CrossFilter {
  const xf = new CrossFilter();
  onMount(() => {
    void engineState.start(dataset, new URL(`${assets}/data/`, location.href));
    const unbind = xf.bindToUrl(REGISTRY, { [AS_OF_PARAM]: AS_OF });
    const unlisten = xf.listenForEscape(() => [...visualSources]);
    return () => {
      unbind();
      unlisten();
    };
  });
  return xf;
}
