import type { Row } from '../db/types';

/** What a page's one-click figures file holds: result rows keyed by the SQL text they answer. */
export type ClickFiguresFile = Record<string, Row[]>;

/**
 * Answers computed at build time for every one-click state of the pages' default views,
 * keyed by SQL text (like the prerendered figures). LiveQuery reads them while no engine is
 * ready; reading is reactive, so a click made before the file arrived is answered when it does.
 */
class ClickFigures {
  private readonly rows = new Map<string, Row[]>();
  private readonly loaded = new Set<string>();
  private revision = $state(0);

  get(sql: string): Row[] | undefined {
    void this.revision;
    return this.rows.get(sql);
  }

  /** Forgets every answer (e.g. when other data than the shipped files is loaded: they would not answer it). */
  clear(): void {
    this.rows.clear();
    this.revision++;
  }

  add(file: ClickFiguresFile): void {
    for (const [sql, rows] of Object.entries(file)) this.rows.set(sql, rows);
    this.revision++;
  }

  /**
   * Takes in `url` once, right after the first contentful paint (the prerendered figures are
   * on screen), or at the load event in a tab that paints nothing yet (opened in the
   * background). The HTML preloads the file (scripts/critical-hints.js), so this is mostly the
   * parse (≈ 5 ms); `priority: 'low'` if it was not preloaded. Not after the load event and an
   * idle callback, as it once was: on a slow machine the page is busy starting the engine for
   * seconds after loading, and a click waited for the figures. A failure only means clicks wait
   * for the engine.
   */
  loadAfterPaint(url: string): void {
    if (this.loaded.has(url)) return;
    this.loaded.add(url);
    const fetchIt = () =>
      fetch(url, { priority: 'low' })
        .then((r) => (r.ok ? (r.json() as Promise<ClickFiguresFile>) : Promise.reject(new Error(`${r.status}`))))
        .then((file) => {
          this.add(file);
          performance.mark('click-figures');
        })
        .catch(() => this.loaded.delete(url));
    afterFirstPaint(fetchIt);
  }
}

/** Runs `run` once, in a task after the first contentful paint (or the load event, whichever comes first). */
function afterFirstPaint(run: () => void): void {
  const painted = () => performance.getEntriesByName('first-contentful-paint').length > 0;
  if (painted()) return void setTimeout(run, 0);
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    observer.disconnect();
    removeEventListener('load', once);
    setTimeout(run, 0);
  };
  const observer = new PerformanceObserver(() => painted() && once());
  observer.observe({ type: 'paint', buffered: true });
  addEventListener('load', once);
}

export const clickFigures = new ClickFigures();
