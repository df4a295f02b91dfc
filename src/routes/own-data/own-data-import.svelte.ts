/**
 * The state of one 「自分のデータで見る」 session: which files were picked, the
 * worker's verdict, and the exported files. Owns its worker and ends it on dispose.
 */
import type { Problem } from '../../../scripts/data/survey-core.js';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

export type ImportStatus =
  | { kind: 'idle' }
  | { kind: 'validating'; started: number; file?: string; rows?: number }
  | { kind: 'invalid'; problems: Problem[]; ms: number }
  | { kind: 'valid'; cases: number; participation: number; ms: number }
  | { kind: 'failed'; message: string };

const CASES = 'cases.csv';
const PARTICIPATION = 'participation.csv';

/** Which of the template's two files a picked file is, by name (case-insensitive, any folder). */
export function roleOf(name: string): 'cases' | 'participation' | null {
  const n = name.toLowerCase().replace(/^.*[\\/]/, '');
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
    for (const f of list) {
      const role = roleOf(f.name);
      if (role === 'cases') this.casesFile = f;
      else if (role === 'participation') this.participationFile = f;
      else ignored.push(f.name);
    }
    this.ignored = ignored;
    this.files = [];
    if (this.casesFile || this.participationFile) await this.validate();
  }

  async validate(): Promise<void> {
    this.status = { kind: 'validating', started: performance.now() };
    const [cases, participation] = await Promise.all([this.casesFile?.arrayBuffer() ?? null, this.participationFile?.arrayBuffer() ?? null]);
    const transfer = [cases, participation].filter((b): b is ArrayBuffer => b !== null);
    const r = await this.ask({ type: 'validate', cases, participation }, transfer);
    if (r.type === 'valid') this.status = { kind: 'valid', cases: r.cases, participation: r.participation, ms: r.ms };
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
