/** Messages between the page and parquet-decode.worker.ts. */
export type DecodeRequest =
  | { type: 'open'; id: number; bytes: ArrayBuffer; wasmUrl: string; batchSize: number }
  | { type: 'next'; id: number };

export type DecodeReply =
  | { id: number; type: 'batch'; ipc: Uint8Array }
  | { id: number; type: 'done' }
  | { id: number; type: 'error'; message: string };
