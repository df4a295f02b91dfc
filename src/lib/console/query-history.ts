/** Executed statements, newest first, kept in this browser only (localStorage). */
export interface HistoryEntry {
  sql: string;
  at: string;
  rows: number | null;
  ms: number;
  ok: boolean;
}

const KEY = 'sql-console-history';
const MAX = 100;

export function loadHistory(): HistoryEntry[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? (parsed as HistoryEntry[]).filter((e) => typeof e?.sql === 'string') : [];
  } catch {
    return [];
  }
}

/** Adds an entry (the same SQL moves to the top instead of repeating). */
export function remember(history: HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
  const next = [entry, ...history.filter((h) => h.sql !== entry.sql)].slice(0, MAX);
  try {
    localStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    /* storage full or disabled: history lives for this visit only */
  }
  return next;
}

export function clearHistory(): HistoryEntry[] {
  localStorage.removeItem(KEY);
  return [];
}
