/**
 * Input made before hydration is kept, not lost. The prerendered page shows its buttons (the
 * /participation tiles, the /prefectures matrix, table headers, pagers) and /own-data's drop
 * zone from first paint, but nothing listens to them until the page's script has taken over
 * (≈ 0.5 s later on a slow line). A classic inline script in the head of every page
 * (scripts/critical-hints.js writes `earlyInputScript()` right after the CSP <meta> and adds its
 * hash to that meta) keeps, in order:
 * - each press of an enabled button, with its modifier keys, marking the button `aria-busy`
 *   (styled in app.css) so the press is seen to be taken; a second press of a kept button is
 *   not kept again (without feedback it is a person's retry, and a toggle pressed twice undoes
 *   itself);
 * - each drop of files, which the browser would otherwise open in place of the page.
 * The root layout, once mounted (every handler below it attached), calls `replayEarlyInput`:
 * the capture ends, each kept button still in the document and enabled is pressed again with
 * the same modifiers, and each drop is dropped again on its target with the same files.
 * Form controls are disabled until then instead (hydrated.svelte.ts): hydration would reset a
 * control's own state. Links need nothing: they navigate natively.
 */
export const EARLY_INPUT = { global: '__kyodoEarlyInput' };

/**
 * The inline script's program. Self-contained (run from its source text); never throws.
 *
 * @param {any} g the page's global scope
 * @param {string} key where the kept input lives, `EARLY_INPUT.global`
 */
export function captureEarlyInput(g, key) {
  try {
    /** @type {({ button: HTMLButtonElement, ctrlKey: boolean, metaKey: boolean, shiftKey: boolean, altKey: boolean } | { target: EventTarget, files: File[] })[]} */
    var kept = (g[key] = []);
    var files = function (/** @type {DragEvent} */ e) {
      return g[key] === kept && e.dataTransfer && Array.prototype.indexOf.call(e.dataTransfer.types, 'Files') >= 0;
    };
    g.document.addEventListener(
      'click',
      function (/** @type {MouseEvent} */ e) {
        if (g[key] !== kept) return;
        var t = /** @type {any} */ (e.target);
        var b = t && t.closest ? t.closest('button') : null;
        if (!b || b.disabled) return;
        if (kept.some(function (k) { return 'button' in k && k.button === b; })) return;
        kept.push({ button: b, ctrlKey: e.ctrlKey, metaKey: e.metaKey, shiftKey: e.shiftKey, altKey: e.altKey });
        b.setAttribute('aria-busy', 'true');
      },
      true
    );
    g.document.addEventListener('dragover', function (/** @type {DragEvent} */ e) {
      if (files(e)) e.preventDefault();
    }, true);
    g.document.addEventListener('drop', function (/** @type {DragEvent} */ e) {
      if (!files(e)) return;
      e.preventDefault();
      kept.push({ target: /** @type {EventTarget} */ (e.target), files: Array.prototype.slice.call(/** @type {DataTransfer} */ (e.dataTransfer).files) });
    }, true);
  } catch (e) {
    return;
  }
}

/**
 * The inline script: the function's own source, its JSDoc casts removed, one line-indent
 * stripped (no template literal or other comment inside it).
 *
 * @returns {string}
 */
export function earlyInputScript() {
  var code = '(' + captureEarlyInput + ')(self,' + JSON.stringify(EARLY_INPUT.global) + ');';
  return code.replace(/\/\*\*[^\n]*?\*\/ ?/g, '').replace(/\n\s*/g, '\n');
}

/**
 * Ends the capture and makes the kept input again, in order. Called once, when every handler
 * is attached; later calls (and pages without the script) do nothing.
 *
 * @param {any} g the page's global scope
 * @returns {number} how many presses and drops were made again
 */
export function replayEarlyInput(g) {
  const kept = g[EARLY_INPUT.global];
  g[EARLY_INPUT.global] = null;
  if (!Array.isArray(kept)) return 0;
  let replayed = 0;
  for (const k of kept) {
    if ('button' in k) {
      k.button.removeAttribute('aria-busy');
      if (!k.button.isConnected || k.button.disabled) continue;
      const { ctrlKey, metaKey, shiftKey, altKey } = k;
      k.button.dispatchEvent(new g.MouseEvent('click', { bubbles: true, cancelable: true, view: g, ctrlKey, metaKey, shiftKey, altKey }));
    } else {
      if (!k.target.isConnected) continue;
      const dataTransfer = new g.DataTransfer();
      for (const f of k.files) dataTransfer.items.add(f);
      k.target.dispatchEvent(new g.DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer }));
    }
    replayed++;
  }
  return replayed;
}
