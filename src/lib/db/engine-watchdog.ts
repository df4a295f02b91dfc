import type { QueryEngine, Row } from './types';

/** How long a dashboard query may take before the engine is taken for dead (its queries take milliseconds). */
export const QUERY_TIME_LIMIT_MS = 10_000;

/**
 * A worker that is terminated (out of memory, killed) says nothing: its pending queries
 * simply never answer. This wrapper gives every query a time limit and, when one passes,
 * reports the engine dead once (so the page can offer 「再試行」) and rejects the query.
 */
export class WatchedEngine implements QueryEngine {
  private dead = false;

  constructor(
    private readonly inner: QueryEngine,
    private readonly onDead: (message: string) => void,
    private readonly limitMs = QUERY_TIME_LIMIT_MS
  ) {}

  query(sql: string): Promise<Row[]> {
    return new Promise<Row[]>((resolve, reject) => {
      const timer = setTimeout(() => {
        const message = `分析エンジン（DuckDB-WASM のワーカー）が ${Math.round(this.limitMs / 1000)} 秒以上応答しません。停止した可能性があります (no answer from the DuckDB worker)`;
        if (!this.dead) {
          this.dead = true;
          this.onDead(message);
        }
        reject(new Error(message));
      }, this.limitMs);
      this.inner.query(sql).then(
        (rows) => {
          clearTimeout(timer);
          resolve(rows);
        },
        (e: unknown) => {
          clearTimeout(timer);
          reject(e);
        }
      );
    });
  }
}

/** How long engine start-up may show no progress once the wasm is downloaded (compiling it takes seconds). */
export const START_STALL_MS = 20_000;
/** …and while it downloads, or if the download reports no progress (no Content-Length): a slow LGWAN link is not a fault. */
export const DOWNLOAD_STALL_MS = 120_000;

/**
 * A start-up that stops moving: DuckDB-WASM's worker never answers when its wasm fails to
 * compile (a file cut off half-way), so nothing rejects. `touch(limit)` on every progress
 * report; `stalled` rejects with `describe()` once `limit` ms pass without one.
 */
export function stallGuard(describe: () => string, firstLimitMs = DOWNLOAD_STALL_MS): { touch(limitMs: number): void; stop(): void; stalled: Promise<never> } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let fire: (e: Error) => void = () => {};
  const stalled = new Promise<never>((_, reject) => (fire = reject));
  stalled.catch(() => {}); // handled by whoever races it
  const touch = (limitMs: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => fire(new Error(describe())), limitMs);
  };
  touch(firstLimitMs);
  return { touch, stop: () => clearTimeout(timer), stalled };
}
