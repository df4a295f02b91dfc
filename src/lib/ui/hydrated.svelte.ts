/**
 * Whether the page's script has taken over its prerendered HTML. Until then an input control
 * would take a choice that hydration then resets or never hears (a ticked box unticked, the
 * address unfiltered, a picked file never read), so form controls — slicers, 事例一覧's
 * radios, /own-data's file input — render `disabled={!hydrated.value}`: in the prerendered
 * HTML they are visibly not usable yet, and they become usable the moment the script can hear
 * them. (Buttons and dropped files are kept and made again instead: early-input.js.)
 * Set once, by the root layout's mount; never true on the server.
 */
class Hydrated {
  value = $state(false);
}

export const hydrated = new Hydrated();
