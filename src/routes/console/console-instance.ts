import { assets } from '$app/paths';
import { dataset } from '$model/dataset';
import { ConsoleSession } from '$lib/console/console-session.svelte';

/**
 * One console session per tab, kept across page navigation: scratch tables and the last
 * result survive a visit to a dashboard page, and a second DuckDB-WASM worker is never
 * started (and leaked) per visit. Browser only.
 */
let session: ConsoleSession | null = null;

export function consoleSession(): ConsoleSession {
  if (!session) {
    session = new ConsoleSession(dataset, new URL(`${assets}/data/`, location.href));
    void session.start();
  }
  return session;
}
