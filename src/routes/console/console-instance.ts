import { assets } from '$app/paths';
import { dataset } from '$model/dataset';
import { ConsoleSession } from '$lib/console/console-session.svelte';
import { engineState } from '$lib/db/engine-state.svelte';
import { withLocalFiles } from '$lib/db/local-data';

/**
 * One console session per tab and per data generation, kept across page navigation:
 * scratch tables and the last result survive a visit to a dashboard page, and a second
 * DuckDB-WASM worker is never started (and leaked) per visit. When the dashboard switches
 * to the user's own data (or back), the console follows with a fresh instance. Browser only.
 */
let session: ConsoleSession | null = null;
let generation = -1;

export function consoleSession(): ConsoleSession {
  if (!session || generation !== engineState.dataGeneration) {
    session?.dispose();
    generation = engineState.dataGeneration;
    const dataUrl = engineState.dataUrl ?? new URL(`${assets}/data/`, location.href);
    const local = engineState.local;
    session = new ConsoleSession(local ? withLocalFiles(dataset, local.files) : dataset, dataUrl);
    void session.start();
  }
  return session;
}
