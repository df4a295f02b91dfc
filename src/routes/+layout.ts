// Every page is prerendered to static HTML (adapter-static): no server at run time.
export const prerender = true;

import { browser } from '$app/environment';
import { assets } from '$app/paths';
import { dataset } from '$model/dataset';
import { engineState } from '$lib/db/engine-state.svelte';

/**
 * In the browser this runs before the page hydrates: start DuckDB-WASM now rather than
 * in onMount, since compiling its wasm is most of the time to interactive.
 */
export function load({ data, url }) {
  // /own-data needs no engine until the user switches to their data; `data=local` must not show published figures meanwhile.
  if (browser && url.searchParams.get('data') === 'local' && !engineState.local) engineState.expectLocal = true;
  if (browser && !url.pathname.endsWith('/own-data')) void engineState.start(dataset, new URL(`${assets}/data/`, location.href));
  // A universal load replaces the server load's data unless it passes it on.
  return data;
}
