import { getContext, setContext } from 'svelte';

/**
 * What a page's visuals have in common, said once by the page (its declaration) rather than
 * at each VisualPanel: e.g. the words for no matching row, naming what the page counts.
 */
export interface VisualDefaults {
  /** What a visual says when no row matches its filters. */
  empty?: string;
}

const KEY = Symbol('visual-defaults');

/** Gives every VisualPanel below the calling component these defaults. Call during component initialisation. */
export function provideVisualDefaults(defaults: VisualDefaults): void {
  setContext(KEY, defaults);
}

/** The defaults of the page a VisualPanel is on ({} on a page that gave none). Call during component initialisation. */
export function visualDefaults(): VisualDefaults {
  return getContext<VisualDefaults | undefined>(KEY) ?? {};
}
