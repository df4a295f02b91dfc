/**
 * Writes a page's filter state into the address. A filter change is not a navigation, and
 * SvelteKit's router is not told of it.
 *
 * Why not `pushState`/`replaceState` from `$app/navigation` (shallow routing): each call gives
 * the root component a new `page`, and SvelteKit's generated root sets its route announcer
 * (`#svelte-announcer`, aria-live="assertive") to the page's title on the first change of
 * `page` after mounting. A screen reader then read the title out after the person's first
 * filter click (≈ 300 ms later, when the address was committed), as if they had followed a
 * link; the router's Back/Forward between such entries updates `page` too. SvelteKit 2 has
 * no option to keep shallow routing away from the announcer.
 *
 * So the History API itself, with the current entry's state (the router's bookkeeping: its
 * history and navigation index, kept opaque here) carried over to the new entry. The router
 * sees every filter state of one visit to a page as the one entry it made: it ignores
 * Back/Forward between them (same history index), which only the page's own `popstate`
 * listener reads (CrossFilter.bindToUrl); Back/Forward to another page is its navigation as
 * before, read again after it (page-setup.svelte.ts). `page.url` keeps the address the page
 * was opened with, as it did after `pushState`; nothing reads filters from it. In `vite dev`
 * SvelteKit warns once that the History API was called directly.
 */
export function writeAddress(href: string, how: 'push' | 'replace', h: History = history): void {
  if (how === 'push') h.pushState(h.state, '', href);
  else h.replaceState(h.state, '', href);
}
