import { onMount } from 'svelte';
import { base } from '$app/paths';
import { clickFigures } from '$lib/query/click-figures.svelte';
import type { ClickPage } from './pages';

/**
 * A dashboard page's one-click figures (figures/<page>.json), fetched once after first paint.
 * They answer one-click states before the engine is ready and, after it, without a worker
 * round trip (LiveQuery). Call during component initialisation.
 */
export function loadClickFigures(name: ClickPage): void {
  onMount(() => clickFigures.loadAfterPaint(`${base}/figures/${name}.json`));
}
