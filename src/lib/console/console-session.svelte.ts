import type { BrowserEngine } from '../db/browser-engine';
import type { EngineConnection } from '../db/engine-connection';
import type { StreamingQuery } from '../db/streaming-query';
import type { DatasetSpec, LoadProgress } from '../db/types';
import { explainError, type ExplainedError } from './error-message';
import { ResultSet } from './result-set';
import type { Span } from './sql-lexer';
import { checkWrite } from './write-guard';
import { fingerprint, objectNames } from './model-fingerprint';

/** Beyond this many rows the grid keeps what it has and stops DuckDB (memory, not speed, is the limit). */
export const MAX_ROWS = 2_000_000;
/** How long DuckDB's own cancel may take before the worker is ended and restarted. */
const CANCEL_GRACE_MS = 400;

export type ConsoleError = ExplainedError & { statement: string; from: number };

/**
 * The console's own DuckDB-WASM instance (a second worker): whatever runs here — DDL,
 * a runaway query, a worker restart — cannot touch the instance the dashboard's pages
 * read. Runs statements one by one, streams results, cancels, and keeps the model intact
 * (guard before, catalog fingerprint after).
 */
export class ConsoleSession {
  status = $state<'starting' | 'ready' | 'running' | 'restarting' | 'failed'>('starting');
  progress = $state<LoadProgress>({ stage: 'engine', fraction: 0, detail: '' });
  notice = $state<string | null>(null);
  error = $state<ConsoleError | null>(null);
  result = $state.raw<ResultSet | null>(null);
  /** Bumped (at most once a frame) as rows arrive, so the grid redraws. */
  version = $state(0);
  elapsed = $state(0);
  truncated = $state(false);
  lastCancel = $state<{ ms: number; mode: 'cancelled' | 'restarted' } | null>(null);

  private engine: BrowserEngine | null = null;
  private runConn: EngineConnection | null = null;
  private protectedNames = new Set<string>();
  private fingerprint = '';
  private current: StreamingQuery | null = null;
  private abandon: (() => void) | null = null;

  constructor(private readonly dataset: DatasetSpec, private readonly dataUrl: URL) {}

  async start(): Promise<void> {
    this.status = 'starting';
    try {
      const { BrowserEngine } = await import('../db/browser-engine');
      this.engine = await BrowserEngine.start(this.dataset, this.dataUrl, (p) => (this.progress = p));
      this.runConn = await this.engine.connect();
      this.protectedNames = await objectNames((sql) => this.meta(sql));
      this.fingerprint = await this.currentFingerprint();
      this.status = 'ready';
    } catch (e) {
      this.notice = `分析エンジンを起動できませんでした (${e instanceof Error ? e.message : String(e)})`;
      this.status = 'failed';
    }
  }

  /** Catalog queries for autocomplete etc., on the engine's main connection (never the running one). */
  async meta(sql: string) {
    return this.engine ? this.engine.query(sql) : [];
  }

  /** Runs the statements in order; the last one's result is shown. Stops at the first error. */
  async run(statements: Span[]): Promise<void> {
    if (this.status !== 'ready' || !this.runConn || statements.length === 0) return;
    this.status = 'running';
    this.error = null;
    this.notice = null;
    this.truncated = false;
    const started = performance.now();
    try {
      for (const stmt of statements) {
        const refused = checkWrite(stmt.text, this.protectedNames);
        if (refused) {
          const at = stmt.text.toLowerCase().indexOf(refused.name.split('.').at(-1)!);
          this.error = { kind: '読み取り専用', japanese: refused.message, english: '', position: at < 0 ? null : at, statement: stmt.text, from: stmt.from };
          return;
        }
        const outcome = await this.runOne(stmt.text);
        if (outcome === 'cancelled' || outcome === 'restarted') return;
      }
      await this.checkModel();
    } catch (e) {
      const stmt = statements.find((s) => s.text === this.lastStatement) ?? statements[0]!;
      this.error = { ...explainError(e, stmt.text), statement: stmt.text, from: stmt.from };
    } finally {
      this.elapsed = performance.now() - started;
      this.current = null;
      if (this.status === 'running') this.status = 'ready';
    }
  }

  private lastStatement = '';

  private async runOne(sql: string): Promise<string> {
    this.lastStatement = sql;
    let result: ResultSet | null = null;
    let frame = 0;
    const q = this.runConn!.stream(sql, {
      onSchema: (schema) => {
        result = new ResultSet(schema);
        this.result = result;
        this.version++;
      },
      onBatch: (batch) => {
        result!.add(batch);
        frame ||= requestAnimationFrame(() => ((frame = 0), this.version++));
        if (result!.rowCount >= MAX_ROWS) {
          this.truncated = true;
          return false;
        }
      }
    });
    this.current = q;
    const abandoned = new Promise<'restarted'>((resolve) => (this.abandon = () => resolve('restarted')));
    const outcome = await Promise.race([q.done, abandoned]);
    this.version++;
    return outcome;
  }

  /** Stops the running statement: DuckDB's cancel first, else end the worker and start afresh. */
  async cancel(): Promise<void> {
    const q = this.current;
    if (!q) return;
    const t0 = performance.now();
    let settled = false;
    void q.done.then(() => (settled = true), () => (settled = true));
    await Promise.race([q.cancel().then(() => q.done).catch(() => {}), new Promise((r) => setTimeout(r, CANCEL_GRACE_MS))]);
    if (settled) {
      this.lastCancel = { ms: performance.now() - t0, mode: 'cancelled' };
      this.notice = `実行を中止しました（${Math.round(this.lastCancel.ms)} ms）。`;
      return;
    }
    this.abandon?.();
    this.lastCancel = { ms: performance.now() - t0, mode: 'restarted' };
    await this.restart(`実行を中止するため分析エンジンを再起動し、データを読み込み直しました（中止まで ${Math.round(this.lastCancel.ms)} ms）。作成した表は失われました。`);
  }

  async restart(notice: string): Promise<void> {
    this.status = 'restarting';
    const old = this.engine;
    this.engine = null;
    this.runConn = null;
    old?.kill();
    await this.start();
    // start() has set the status; read it afresh (TypeScript narrowed it to 'restarting').
    if ((this.status as string) === 'ready') this.notice = notice;
  }

  /** The guard reads words; this checks the catalog itself, and reloads if the model changed anyway. */
  private async checkModel(): Promise<void> {
    if ((await this.currentFingerprint()) !== this.fingerprint) {
      await this.restart('データモデルが変更されたため、分析エンジンを再起動してデータを読み込み直しました。');
    }
  }

  private currentFingerprint(): Promise<string> {
    return fingerprint((sql) => this.meta(sql), this.protectedNames);
  }
}
