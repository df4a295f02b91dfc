/**
 * Whether the page's script has taken over its prerendered HTML. Until then an input control
 * would take a choice that hydration then resets without a word (a ticked box unticked, the
 * address unfiltered), so slicers render `disabled={!hydrated.value}`: in the prerendered HTML
 * they are visibly not usable yet, and they become usable the moment the script can hear them.
 * Set once, by the root layout's mount; never true on the server.
 */
class Hydrated {
  value = $state(false);
}

export const hydrated = new Hydrated();
