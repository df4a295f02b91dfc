import { arrowToRows } from '../db/arrow-rows';
import type { BrowserEngine } from '../db/browser-engine';
import type { EngineConnection } from '../db/engine-connection';
import type { StreamingQuery } from '../db/streaming-query';
import type { DatasetSpec, LoadProgress } from '../db/types';
import { explainError, type ExplainedError } from './error-message';
import { ResultSet } from './result-set';
import type { Table } from 'apache-arrow';
import { capFor, exportTable, wholeValue } from './result-values';
import type { Span } from './sql-lexer';
import { firstRefusal, transactionStep } from './statement-guard';
import { fingerprint, isShadowing, modelNames, type ModelNames } from './model-fingerprint';

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
  /** Finished runs (a result, an error, a refusal or "nothing to run"): lets tests and assistive tech tell one run from the next. */
  runs = $state(0);

  private engine: BrowserEngine | null = null;
  private runConn: EngineConnection | null = null;
  private names: ModelNames = { home: '', objects: new Set(), functions: new Set() };
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
      this.names = await modelNames((sql) => this.runMeta(sql));
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

  /**
   * Runs the statements in order; the last one's result is shown. Every statement is checked
   * before the first one runs, so a refusal leaves the session exactly as it was (no half-run
   * script, no transaction left open). Stops at the first error; a transaction this run
   * began is then rolled back, so the next statement does not meet "transaction is aborted".
   */
  async run(statements: Span[]): Promise<void> {
    if (this.status !== 'ready' || !this.runConn) return;
    this.error = null;
    this.notice = null;
    if (statements.length === 0) {
      this.result = null;
      this.notice = '実行する SQL がありません（空白かコメントだけです）。文を入力してから実行してください。';
      this.runs++;
      return;
    }
    const refused = firstRefusal(statements, { protectedNames: this.names.objects, functions: this.names.functions });
    if (refused) {
      this.error = refused;
      this.runs++;
      return;
    }
    this.status = 'running';
    this.truncated = false;
    const started = performance.now();
    let opened = false;
    try {
      for (const stmt of statements) {
        const tx = transactionStep(stmt.text);
        if (tx === 'begin') opened = true;
        const outcome = await this.runOne(stmt.text);
        if (tx === 'end') opened = false;
        if (outcome === 'cancelled' || outcome === 'restarted') return;
      }
      await this.checkModel();
    } catch (e) {
      const stmt = statements.find((s) => s.text === this.lastStatement) ?? statements[0]!;
      this.error = { ...explainError(e, stmt.text), statement: stmt.text, from: stmt.from };
      if (opened && (await this.runConn?.queryArrow('ROLLBACK').then(() => true, () => false))) {
        this.notice = 'エラーのため、この実行で始めたトランザクションを取り消しました（ROLLBACK）。';
      }
    } finally {
      this.elapsed = performance.now() - started;
      this.current = null;
      if (this.status === 'running') this.status = 'ready';
      this.runs++;
    }
  }

  /** Catalog reads on the connection the user's statements run on: temp objects are per connection. */
  private async runMeta(sql: string) {
    return this.runConn ? arrowToRows(await this.runConn.queryArrow(sql)) : [];
  }

  private lastStatement = '';
  /** The statement whose result is on screen (its whole values are fetched by re-running it). */
  private shownSql = '';

  private async runOne(sql: string): Promise<string> {
    this.lastStatement = sql;
    let result: ResultSet | null = null;
    let frame = 0;
    this.current = null;
    const abandoned = new Promise<'restarted'>((resolve) => (this.abandon = () => resolve('restarted')));
    // DESCRIBE can take long too (DuckDB folds constant expressions while planning): 中止 may end it.
    const capped = await Promise.race([capFor(this.runConn!, sql), abandoned]);
    if (capped === 'restarted') return capped;
    const q = this.runConn!.stream(capped?.sql ?? sql, {
      onSchema: (schema) => {
        result = new ResultSet(schema, capped ?? undefined);
        this.shownSql = sql;
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
    const outcome = await Promise.race([q.done, abandoned]);
    this.version++;
    return outcome;
  }

  /** The whole value of a shown cell (result-values.ts). */
  async wholeValue(row: number, col: number): Promise<Uint8Array | null> {
    if (!this.result) return null;
    if (!this.result.holdsWholeValue(row, col)) {
      if (this.status !== 'ready' || !this.runConn) throw new Error('実行中は取り出せません。実行が終わってからもう一度押してください');
    }
    return wholeValue(this.runConn!, this.result, this.shownSql, row, col);
  }

  /** The shown result for export, exactly as the statement gave it (result-values.ts). */
  exportTable(): Promise<Table> {
    if (!this.result || !this.runConn) return Promise.reject(new Error('結果がありません'));
    return exportTable(this.runConn, this.result, this.shownSql, MAX_ROWS);
  }

  /** Stops the running statement: DuckDB's cancel first, else end the worker and start afresh. */
  async cancel(): Promise<void> {
    const q = this.current;
    const t0 = performance.now();
    if (!q) {
      // Still in DESCRIBE (a plain query, which DuckDB-WASM cannot interrupt): restart at once.
      if (this.status !== 'running') return;
      this.abandon?.();
      this.lastCancel = { ms: performance.now() - t0, mode: 'restarted' };
      await this.restart('実行を中止するため分析エンジンを再起動し、データを読み込み直しました。作成した表は失われました。');
      return;
    }
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

  /** Ends this session's worker for good (the dashboard switched to other data). */
  dispose(): void {
    this.engine?.kill();
    this.engine = null;
    this.runConn = null;
  }

  /** The guard reads words; this checks the catalog itself, and reloads if the model changed (or was shadowed) anyway. */
  private async checkModel(): Promise<void> {
    const now = await this.currentFingerprint();
    if (now === this.fingerprint) return;
    await this.restart(
      isShadowing(this.fingerprint, now)
        ? 'データモデルと同じ名前の表・ビュー・マクロが作られ、モデルの名前が別のものを指すようになったため、分析エンジンを再起動してデータを読み込み直しました（作成した表は失われました）。'
        : 'データモデルが変更されたため、分析エンジンを再起動してデータを読み込み直しました（作成した表は失われました）。'
    );
  }

  private currentFingerprint(): Promise<string> {
    return fingerprint((sql) => this.runMeta(sql), this.names);
  }
}
