// Every page is prerendered to static HTML (adapter-static): no server at run time.
export const prerender = true;

import { browser } from '$app/environment';
import { startEngine } from './start-engine';

/**
 * In the browser this runs before the page hydrates: start DuckDB-WASM now rather than
 * in onMount, since compiling its wasm is most of the time to interactive.
 */
export function load({ data }) {
  if (browser) void startEngine();
  // A universal load replaces the server load's data unless it passes it on.
  return data;
}
