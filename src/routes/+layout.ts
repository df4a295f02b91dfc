// Every page is prerendered to static HTML (adapter-static): no server at run time.
export const prerender = true;

import { browser } from '$app/environment';
import { engineState } from '$lib/db/engine-state.svelte';
import { startEngine } from './start-engine';
import { registerOfflineCache } from '$lib/offline/register';
import { base } from '$app/paths';

/**
 * In the browser this runs before the page hydrates: start DuckDB-WASM now rather than
 * in onMount, since compiling its wasm is most of the time to interactive.
 */
export function load({ data, url }) {
  // /own-data needs no engine until the user switches to their data; `data=local` must not show published figures meanwhile.
  if (browser && url.searchParams.get('data') === 'local' && !engineState.local) engineState.expectLocal = true;
  if (browser && !url.pathname.endsWith('/own-data')) {
    void startEngine();
    // The offline copy is made from what this visit fetched, once the engine is up (src/service-worker.ts).
    registerOfflineCache(
      () => startEngine().then(() => engineState.engine !== null),
      () => new URL(`${base}/service-worker.js`, location.href)
    );
  }
  // A universal load replaces the server load's data unless it passes it on.
  return data;
}
