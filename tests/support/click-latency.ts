import type { Page } from 'playwright-core';

/**
 * Cross-filter latency measured inside the page (as the bench does): from the `pointerdown`
 * event's own timeStamp to the animation frame after every OTHER visual (anything with
 * aria-busy outside the clicked one) is idle again and has stayed so for `quietMs`, the page's
 * content (`<main>`) having changed after the press. Also when the first query was posted to the DuckDB worker.
 * `install` must run before the page's own scripts (addInitScript).
 */
export async function installClickTiming(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __click: { downs: number[]; posts: number[]; answers: number[] } };
    w.__click = { downs: [], posts: [], answers: [] };
    addEventListener('pointerdown', (e) => w.__click.downs.push(e.timeStamp), true);
    const Native = window.Worker;
    window.Worker = class extends Native {
      constructor(url: string | URL, opts?: WorkerOptions) {
        super(url, opts);
        this.addEventListener('message', () => w.__click.answers.push(performance.now()));
      }
      postMessage(m: unknown, t?: unknown) {
        if ((m as { type?: string })?.type === 'RUN_QUERY') w.__click.posts.push(performance.now());
        return super.postMessage(m, t as Transferable[]);
      }
    } as typeof Worker;
  });
}

export interface ClickTiming {
  /** pointerdown → painted frame with every other visual idle (ms). */
  total: number;
  /** pointerdown → first RUN_QUERY posted (ms; -1 if none). */
  firstQuery: number;
  /** pointerdown → last message from the worker (ms), and how many queries were posted. */
  lastAnswer: number;
  queries: number;
  /** Every worker message after the press (ms after it). */
  answerTimes: number[];
}

/** Measures one click made by `click()` on the visual `clickedSelector`. */
export async function timeClick(page: Page, clickedSelector: string, click: () => Promise<void>, quietMs = 300): Promise<ClickTiming> {
  await page.evaluate(
    ([sel, quiet]) => {
      (window as unknown as { __armed: Promise<unknown> }).__armed = new Promise<ClickTiming>((resolve, reject) => {
        const w = window as unknown as { __click: { downs: number[]; posts: number[]; answers: number[] } };
        const clicked = document.querySelector(sel as string)!;
        const downsFrom = w.__click.downs.length;
        const postsFrom = w.__click.posts.length;
        const idle = () => Array.from(document.querySelectorAll('[aria-busy]')).every((v) => clicked.contains(v) || v.getAttribute('aria-busy') !== 'true');
        let changed = false;
        let lastChange = 0;
        let idleFrame = -1;
        // The page's content only (<main>), as the bench counts it (scripts/bench/in-page.js):
        // not SvelteKit's route announcer nor Vega's tooltip, both outside it.
        const main = document.querySelector('main');
        const obs = new MutationObserver((records) => {
          if (w.__click.downs.length === downsFrom || !records.some((r) => !clicked.contains(r.target) && (!main || main.contains(r.target)))) return;
          changed = true;
          lastChange = performance.now();
          idleFrame = -1;
          if (idle()) requestAnimationFrame(() => (idleFrame = performance.now()));
        });
        obs.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
        const started = performance.now();
        const poll = () => {
          if (performance.now() - started > 30000) return reject(new Error('click never settled'));
          if (!(changed && idleFrame >= 0 && idle() && performance.now() - lastChange > (quiet as number))) return void setTimeout(poll, 50);
          obs.disconnect();
          const t0 = w.__click.downs[downsFrom]!;
          const posts = w.__click.posts.slice(postsFrom).filter((t) => t >= t0);
          const answers = w.__click.answers.filter((t) => t >= t0);
          resolve({
            total: idleFrame - t0,
            firstQuery: posts.length ? posts[0]! - t0 : -1,
            lastAnswer: answers.length ? answers[answers.length - 1]! - t0 : -1,
            queries: posts.length,
            answerTimes: answers.map((t) => Math.round(t - t0))
          });
        };
        setTimeout(poll, 50);
      });
    },
    [clickedSelector, quietMs] as const
  );
  await click();
  return page.evaluate(() => (window as unknown as { __armed: Promise<ClickTiming> }).__armed);
}

export const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
