import { assets } from '$app/paths';
import { version } from '$app/environment';
import { dataset } from '$model/dataset';
import { engineState } from '$lib/db/engine-state.svelte';

/**
 * The one way the dashboard starts its engine (browser only; idempotent): the layout's load
 * calls it before hydration, and a download awaits it (it may be asked for before any chart
 * needed the engine). The build's version lets a returning visit adopt what the pages' early
 * script started (src/lib/db/early-engine.js).
 */
export function startEngine(): Promise<void> {
  return engineState.start(dataset, new URL(`${assets}/data/`, location.href), version);
}
