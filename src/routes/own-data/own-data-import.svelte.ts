/**
 * The state of one 「自分のデータで見る」 session: which files were picked, the
 * worker's verdict, and the exported files. Owns its worker and ends it on dispose.
 */
import type { Problem } from '../../../scripts/data/survey-core.js';
import type { WorkerReply, WorkerRequest } from './worker-protocol';
import type { LocalData } from '$lib/db/local-data';
import { checkParquet } from './parquet-input';

export type ImportStatus =
  | { kind: 'idle' }
  | { kind: 'validating'; started: number; file?: string; rows?: number }
  | { kind: 'invalid'; problems: Problem[]; ms: number }
  | { kind: 'valid'; cases: number; participation: number; ms: number; source: 'csv' | 'parquet'; asOf: string | null }
  | { kind: 'parquet-invalid'; problems: string[] }
  | { kind: 'failed'; message: string };

const CASES = 'cases.csv';
const PARTICIPATION = 'participation.csv';

/** Which of the template's two files a picked file is, by name (case-insensitive, any folder). */
export function roleOf(name: string): 'cases' | 'participation' | 'parquet' | null {
  const n = name.toLowerCase().replace(/^.*[\\/]/, '');
  if (n.endsWith('.parquet')) return 'parquet';
  if (n === CASES || (n.includes('case') && n.endsWith('.csv'))) return 'cases';
  if (n === PARTICIPATION || (n.includes('particip') && n.endsWith('.csv'))) return 'participation';
  return null;
}

export class OwnDataImport {
  status = $state<ImportStatus>({ kind: 'idle' });
  casesFile = $state<File | null>(null);
  participationFile = $state<File | null>(null);
  /** Names of picked files that are neither template file. */
  ignored = $state<string[]>([]);
  exporting = $state(false);
  /** Finished validations, so a reader can tell a new verdict from the previous one. */
  runs = $state(0);
  files = $state<{ name: string; bytes: Uint8Array }[]>([]);
  /** Parquet files picked (the build's or this page's export), by name. */
  parquetFiles = $state.raw<File[]>([]);
  private parquetChecked: Record<string, Uint8Array> | null = null;
  private worker: Worker | null = null;
  private pending: ((r: WorkerReply) => void) | null = null;

  private ensureWorker(): Worker {
    if (!this.worker) {
      this.worker = new Worker(new URL('./validate.worker.ts', import.meta.url), { type: 'module' });
      this.worker.onmessage = (e: MessageEvent<WorkerReply>) => {
        const r = e.data;
        if (r.type === 'progress') {
          if (this.status.kind === 'validating') this.status = { ...this.status, file: r.file, rows: r.rows };
        } else this.pending?.(r);
      };
      this.worker.onerror = (e) => this.pending?.({ type: 'error', message: e.message || '検証用ワーカーを起動できません' });
    }
    return this.worker;
  }

  private ask(req: WorkerRequest, transfer: Transferable[] = []): Promise<WorkerReply> {
    return new Promise((resolve) => {
      this.pending = resolve;
      this.ensureWorker().postMessage(req, transfer);
    });
  }

  /** Adds picked or dropped files and validates when both are there (or says which is missing). */
  async pick(list: Iterable<File>): Promise<void> {
    const ignored: string[] = [];
    const parquet: File[] = [];
    for (const f of list) {
      const role = roleOf(f.name);
      if (role === 'parquet') parquet.push(f);
      else if (role === 'cases') this.casesFile = f;
      else if (role === 'participation') this.participationFile = f;
      else ignored.push(f.name);
    }
    this.ignored = ignored;
    this.files = [];
    if (parquet.length > 0) {
      this.casesFile = this.participationFile = null;
      this.parquetFiles = parquet;
      await this.checkParquetFiles();
    } else if (this.casesFile || this.participationFile) {
      this.parquetFiles = [];
      await this.validate();
    }
  }

  private async checkParquetFiles(): Promise<void> {
    const started = performance.now();
    this.status = { kind: 'validating', started };
    this.parquetChecked = null;
    const r = await checkParquet(await Promise.all(this.parquetFiles.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))));
    if (!r.ok) {
      this.status = { kind: 'parquet-invalid', problems: r.problems };
      this.runs++;
      return;
    }
    // The shape is right: now every value, in the worker, by the same validator as a CSV (copies go; the page keeps the bytes for the engine).
    const copies = Object.entries(r.files).map(([name, bytes]) => ({ name, bytes: bytes.slice().buffer }));
    const v = await this.ask({ type: 'validate-parquet', files: copies }, copies.map((c) => c.bytes));
    const ms = Math.round(performance.now() - started);
    if (v.type === 'valid') {
      this.parquetChecked = r.files;
      this.status = { kind: 'valid', cases: r.cases, participation: r.participation, ms, source: 'parquet', asOf: r.asOf };
    } else if (v.type === 'invalid') this.status = { kind: 'invalid', problems: v.problems, ms };
    else this.status = { kind: 'failed', message: v.type === 'error' ? v.message : '予期しない応答です' };
    this.runs++;
  }

  /** The validated data as the dashboard loads it: Parquet bytes per file, and what the banner says. */
  async localData(asOf: string): Promise<LocalData> {
    if (this.status.kind !== 'valid') throw new Error('検証に成功したデータがありません');
    const counts = { 事例: this.status.cases, 参加団体: this.status.participation };
    if (this.status.source === 'parquet' && this.parquetChecked) {
      return { files: this.parquetChecked, label: { files: this.parquetFiles.map((f) => f.name), counts, asOf } };
    }
    const r = await this.ask({ type: 'export', asOf });
    if (r.type !== 'files') throw new Error(r.type === 'error' ? r.message : '予期しない応答です');
    const files = Object.fromEntries(r.files.filter((f) => f.name.endsWith('.parquet')).map((f) => [f.name, f.bytes]));
    const names = [this.casesFile?.name, this.participationFile?.name].filter((n): n is string => !!n);
    return { files, label: { files: names, counts, asOf } };
  }

  async validate(): Promise<void> {
    this.status = { kind: 'validating', started: performance.now() };
    const [cases, participation] = await Promise.all([this.casesFile?.arrayBuffer() ?? null, this.participationFile?.arrayBuffer() ?? null]);
    const transfer = [cases, participation].filter((b): b is ArrayBuffer => b !== null);
    const r = await this.ask({ type: 'validate', cases, participation }, transfer);
    if (r.type === 'valid') this.status = { kind: 'valid', cases: r.cases, participation: r.participation, ms: r.ms, source: 'csv', asOf: null };
    else if (r.type === 'invalid') this.status = { kind: 'invalid', problems: r.problems, ms: r.ms };
    else this.status = { kind: 'failed', message: r.type === 'error' ? r.message : '予期しない応答です' };
    this.runs++;
  }

  async exportFiles(asOf: string): Promise<void> {
    this.exporting = true;
    try {
      const r = await this.ask({ type: 'export', asOf });
      if (r.type === 'files') this.files = r.files;
      else this.status = { kind: 'failed', message: r.type === 'error' ? r.message : '予期しない応答です' };
    } finally {
      this.exporting = false;
    }
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}
