// Instrumentation injected into every benchmarked page before its own scripts run
// (addInitScript; injected through DevTools, so the site's CSP does not apply to it).
// Plain JS on purpose: it runs in the page as written. It never changes what the page
// does; it only records timestamps:
//  - every message to and from a Web Worker (DuckDB-WASM's RUN_QUERY round trips),
//  - pointerdown and click events (capture phase: the input event's own timeStamp),
//  - when every chart is first drawn with every visual (elements with aria-busy) idle,
//  - for an armed click: the rAF after every other visual is idle again, and stays so
//    (changes of the engine's status line do not count).
(() => {
  const msgs = [];
  const downs = [];
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(url, opts) {
      super(url, opts);
      this.addEventListener('message', (e) => {
        const d = e.data;
        msgs.push({ dir: 'in', t: performance.now(), type: String(d?.type ?? ''), id: Number(d?.requestId ?? -1) });
      });
    }
    postMessage(m, t) {
      msgs.push({ dir: 'out', t: performance.now(), type: String(m?.type ?? ''), id: Number(m?.messageId ?? -1) });
      return super.postMessage(m, t);
    }
  };
  const clickEvents = [];
  addEventListener('pointerdown', (e) => downs.push(e.timeStamp), true);
  addEventListener('click', (e) => clickEvents.push(e.timeStamp), true);

  const visuals = () => Array.from(document.querySelectorAll('[aria-busy]'));
  const idle = (except) => visuals().every((v) => v === except || (except && except.contains(v)) || v.getAttribute('aria-busy') !== 'true');
  let allDrawnAt = -1;
  const checkDrawn = () => {
    if (allDrawnAt >= 0) return;
    if (!performance.getEntriesByName('engine-ready').length && !document.querySelector('[data-bench-peer]')) return;
    const charts = Array.from(document.querySelectorAll('[data-ready]'));
    if (charts.length && charts.every((c) => c.getAttribute('data-ready') === 'true' && c.querySelector('svg')) && idle(null)) {
      requestAnimationFrame(() => {
        if (allDrawnAt < 0) allDrawnAt = performance.now();
      });
    }
  };
  new MutationObserver(checkDrawn).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-busy', 'data-ready'] });
  const drawnPoll = setInterval(() => (allDrawnAt >= 0 ? clearInterval(drawnPoll) : checkDrawn()), 100);

  // The engine's own status line (its progress while it loads, then an sr-only "ready") is
  // not an answer to a click: a click answered from the build-time figures before the engine
  // is ready must not be timed until the loading bar stops moving (until 2026-12-07 it was).
  const STATUS = '[data-testid="engine-loading"], [data-testid="engine-ready"], [data-testid="engine-error"]';
  const isStatus = (n) => n.nodeType === 1 ? n.matches(STATUS) || !!n.closest(STATUS) : !!n.parentElement?.closest(STATUS);
  const engineStatusOnly = (r) =>
    isStatus(r.target) ||
    (r.type === 'childList' && [...r.addedNodes, ...r.removedNodes].every((n) => isStatus(n) || n.nodeType === 8 || (n.nodeType === 3 && !n.textContent.trim())));

  /** Arms a measurement of the next click on `visualSelector`; resolves once every other visual has been idle for `quietMs`. */
  const arm = (visualSelector, quietMs = 400, timeoutMs = 60000) => {
    const armedAt = performance.now();
    const clicked = document.querySelector(visualSelector);
    const from = msgs.length;
    const downsFrom = downs.length;
    let lastIdleFrame = -1;
    let sawWork = false;
    let lastChange = performance.now();
    return new Promise((resolve) => {
      const obs = new MutationObserver((records) => {
        // The page's content only: not SvelteKit's route announcer (until the seventh session
        // its aria-live text was set when the first click's address was committed, ≈ 300 ms
        // later; docs/performance.md, "Sixth session") nor Vega's tooltip, both outside <main>.
        const main = document.querySelector('main');
        const others = records.some((r) => !(clicked && clicked.contains(r.target)) && (!main || main.contains(r.target)) && !engineStatusOnly(r));
        if (!others || downs.length === downsFrom) return;
        sawWork = true;
        lastChange = performance.now();
        if (idle(clicked)) requestAnimationFrame(() => (lastIdleFrame = performance.now()));
      });
      obs.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      const poll = () => {
        const timedOut = performance.now() - armedAt > timeoutMs;
        const done = downs.length > downsFrom && sawWork && lastIdleFrame >= 0 && idle(clicked) && performance.now() - lastChange > quietMs;
        if (!timedOut && !done) return void setTimeout(poll, 50);
        obs.disconnect();
        const t0 = downs[downsFrom] ?? armedAt;
        if (!done) {
          // Why it was not answered, for the report.
          const busy = visuals().filter((v) => v !== clicked && !(clicked && clicked.contains(v)) && v.getAttribute('aria-busy') === 'true');
          const why = { pressed: downs.length > downsFrom, sawWork, framed: lastIdleFrame >= 0, busy: busy.map((v) => v.getAttribute('data-testid') || v.className) };
          return resolve({ totalMs: -1, answeredAt: -1, t0, queries: [], why });
        }
        const m = msgs.slice(from).filter((x) => x.t >= t0);
        const queries = m
          .filter((x) => x.dir === 'out' && x.type === 'RUN_QUERY')
          .map((q) => {
            const answer = m.find((x) => x.dir === 'in' && x.id === q.id);
            return { sent: q.t - t0, answered: answer ? answer.t - t0 : -1 };
          });
        const clickAt = clickEvents.find((t) => t >= t0);
        resolve({ totalMs: lastIdleFrame - t0, answeredAt: lastIdleFrame, t0, clickAt: clickAt === undefined ? -1 : clickAt - t0, queries });
      };
      setTimeout(poll, 50);
    });
  };

  /**
   * The first bar of a visual as soon as it is drawn, for a click at once (the bench's first
   * click of a visit): resolves with its centre in viewport coordinates (scrolled into view
   * first if it is not) and when it was found, and arms the measurement of the next click
   * (`armed`). One round trip from the runner instead of several, so the press follows the
   * drawing as closely as the runner's input allows (the press time is recorded either way).
   */
  let armed = null;
  const firstBar = (visualSelector, timeoutMs = 60000) =>
    new Promise((resolve, reject) => {
      const marks = `${visualSelector} svg path[role="graphics-symbol"]`;
      const find = () => {
        // No layout is forced (getBoundingClientRect) before a mark exists at all.
        if (!document.querySelector(marks)) return false;
        const bar = Array.from(document.querySelectorAll(marks)).find((p) => {
          const r = p.getBoundingClientRect();
          return r.width >= 3 && r.height >= 3;
        });
        if (!bar) return false;
        const foundAt = performance.now();
        let r = bar.getBoundingClientRect();
        if (r.top < 0 || r.bottom > innerHeight) {
          bar.scrollIntoView({ block: 'center' });
          r = bar.getBoundingClientRect();
        }
        armed = arm(visualSelector, 400, 60000);
        resolve({ x: r.x + r.width / 2, y: r.y + r.height / 2, foundAt });
        return true;
      };
      if (find()) return;
      const obs = new MutationObserver(() => find() && (obs.disconnect(), clearTimeout(timer)));
      obs.observe(document, { subtree: true, childList: true });
      const timer = setTimeout(() => (obs.disconnect(), reject(new Error(`no mark of ${visualSelector} drawn within ${timeoutMs} ms`))), timeoutMs);
    });

  window.__bench = {
    msgs,
    downs,
    arm,
    firstBar,
    armed: () => armed,
    allDrawnAt: () => allDrawnAt,
    marks: () => performance.getEntriesByType('mark').map((m) => ({ name: m.name, t: m.startTime })),
    paint: () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1
  };
})();
