import { onMount } from 'svelte';
import { base } from '$app/paths';
import { engineState } from '$lib/db/engine-state.svelte';
import { clickFigures } from '$lib/query/click-figures.svelte';
import type { ClickPage } from './pages';

/**
 * A dashboard page's one-click figures (figures/<page>.json), fetched after first paint and
 * only while the engine is not ready yet. Call during component initialisation.
 */
export function loadClickFigures(name: ClickPage): void {
  onMount(() => {
    if (!engineState.engine) clickFigures.loadAfterPaint(`${base}/figures/${name}.json`);
  });
}
