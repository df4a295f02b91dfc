/**
 * Keeps the user's own data in this browser (IndexedDB) only when they ask to, so it
 * opens again after the tab is closed; `forgetLocal()` is the visible 「削除」. Nothing is
 * written otherwise. IndexedDB rather than OPFS: it is in every browser LGWAN PCs run, and
 * one record holds the bytes and the label together.
 */
import type { LocalData } from './local-data';

const DB = 'kyodo-own-data';
const STORE = 'kept';
const KEY = 'current';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB を開けません'));
  });
}

async function run<T>(mode: IDBTransactionMode, op: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const req = op(db.transaction(STORE, mode).objectStore(STORE));
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('IndexedDB の操作に失敗しました'));
    });
  } finally {
    db.close();
  }
}

export async function keepLocal(data: LocalData): Promise<void> {
  await run('readwrite', (s) => s.put({ label: data.label, files: data.files }, KEY));
}

export async function keptLocal(): Promise<LocalData | null> {
  if (typeof indexedDB === 'undefined') return null;
  // Do not create an empty database just by looking.
  const existing = await indexedDB.databases?.().catch(() => undefined);
  if (existing && !existing.some((d) => d.name === DB)) return null;
  const v = (await run('readonly', (s) => s.get(KEY)).catch(() => undefined)) as LocalData | undefined;
  return v && v.label && v.files ? v : null;
}

/** 「削除」: the kept copy is gone; the database itself too, so nothing of it stays in the browser. */
export async function forgetLocal(): Promise<void> {
  await run('readwrite', (s) => s.delete(KEY)).catch(() => undefined);
  await new Promise<void>((resolve) => {
    const req = indexedDB.deleteDatabase(DB);
    req.onsuccess = req.onerror = req.onblocked = () => resolve();
  });
}
