/**
 * A button pressed before hydration is kept, not lost. The prerendered page shows its buttons
 * (the /participation tiles, the /prefectures matrix, table headers, pagers) from first paint,
 * but nothing listens to them until the page's script has taken over (≈ 0.5 s later on a slow
 * line). A classic inline script in the head of every page (scripts/critical-hints.js writes
 * `earlyPressScript()` right after the CSP <meta> and adds its hash to that meta) keeps each
 * press of an enabled button, with its modifier keys, and marks the button `aria-busy` (styled
 * in app.css) so the press is seen to be taken; a second press of a kept button is not kept
 * again (without feedback it would be a user's retry, and a toggle pressed twice undoes itself).
 * The root layout, once mounted (every handler below it attached), calls `replayEarlyPresses`:
 * the capture ends and each kept button still in the document and enabled is pressed again, in
 * order, with the same modifiers. Slicers are disabled until then instead (hydrated.svelte.ts):
 * an input's own state would be reset by hydration. Links need nothing: they navigate natively.
 */
export const EARLY_PRESSES = { global: '__kyodoEarlyPresses' };

/**
 * The inline script's program. Self-contained (run from its source text); never throws.
 *
 * @param {any} g the page's global scope
 * @param {string} key where the kept presses live, `EARLY_PRESSES.global`
 */
export function captureEarlyPresses(g, key) {
  try {
    /** @type {{ button: HTMLButtonElement, ctrlKey: boolean, metaKey: boolean, shiftKey: boolean, altKey: boolean }[]} */
    var kept = (g[key] = []);
    g.document.addEventListener(
      'click',
      function (/** @type {MouseEvent} */ e) {
        if (g[key] !== kept) return;
        var t = /** @type {any} */ (e.target);
        var b = t && t.closest ? t.closest('button') : null;
        if (!b || b.disabled) return;
        if (kept.some(function (k) { return k.button === b; })) return;
        kept.push({ button: b, ctrlKey: e.ctrlKey, metaKey: e.metaKey, shiftKey: e.shiftKey, altKey: e.altKey });
        b.setAttribute('aria-busy', 'true');
      },
      true
    );
  } catch (e) {
    return;
  }
}

/**
 * The inline script: the function's own source, one line-indent stripped (no template literal
 * or comment inside it but the type casts removed here).
 *
 * @returns {string}
 */
export function earlyPressScript() {
  var code = '(' + captureEarlyPresses + ')(self,' + JSON.stringify(EARLY_PRESSES.global) + ');';
  return code.replace(/\/\*\*[^\n]*?\*\/ ?/g, '').replace(/\n\s*/g, '\n');
}

/**
 * Ends the capture and presses each kept button again, in order. Called once, when every
 * handler is attached; later calls (and pages without the script) do nothing.
 *
 * @param {any} g the page's global scope
 * @returns {number} how many presses were made again
 */
export function replayEarlyPresses(g) {
  var kept = g[EARLY_PRESSES.global];
  g[EARLY_PRESSES.global] = null;
  if (!Array.isArray(kept)) return 0;
  var replayed = 0;
  for (var i = 0; i < kept.length; i++) {
    var p = kept[i];
    p.button.removeAttribute('aria-busy');
    if (!p.button.isConnected || p.button.disabled) continue;
    p.button.dispatchEvent(
      new g.MouseEvent('click', { bubbles: true, cancelable: true, view: g, ctrlKey: p.ctrlKey, metaKey: p.metaKey, shiftKey: p.shiftKey, altKey: p.altKey })
    );
    replayed++;
  }
  return replayed;
}
