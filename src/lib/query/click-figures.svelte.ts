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
   * Fetches `url` once, after the page has loaded and the browser is idle (never competing
   * with first paint or the engine's start). A failure only means clicks wait for the engine.
   */
  loadAfterPaint(url: string): void {
    if (this.loaded.has(url)) return;
    this.loaded.add(url);
    const fetchIt = () =>
      fetch(url)
        .then((r) => (r.ok ? (r.json() as Promise<ClickFiguresFile>) : Promise.reject(new Error(`${r.status}`))))
        .then((file) => {
          this.add(file);
          performance.mark('click-figures');
        })
        .catch(() => this.loaded.delete(url));
    const idle = () => ('requestIdleCallback' in window ? requestIdleCallback(() => void fetchIt(), { timeout: 1000 }) : setTimeout(fetchIt, 0));
    if (document.readyState === 'complete') idle();
    else window.addEventListener('load', idle, { once: true });
  }
}

export const clickFigures = new ClickFigures();
