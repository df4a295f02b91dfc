/**
 * Resolves once the page's own bytes are in — the window's load event, which waits for its
 * scripts, stylesheets, fonts and preload hints (scripts/critical-hints.js: the chart code and
 * the one-click figures) — or after `capMs`, whichever comes first. The engine asks for its
 * 4.95 MB wasm only then: on a slow line, the wasm would otherwise hold the link while what
 * the first click needs waits behind it. On a fast line the load event has long fired when
 * the engine starts (it starts after hydration), so nothing waits.
 */
export function afterPageLoad(capMs: number): Promise<void> {
  if (typeof document === 'undefined' || document.readyState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    // A mark when the wait ends, so that traces and the benchmark show what it cost.
    const done = () => (performance.mark('engine:page-loaded'), resolve());
    const timer = setTimeout(done, capMs);
    window.addEventListener('load', () => (clearTimeout(timer), done()), { once: true });
  });
}
