import { tokens, type Token } from './sql-lexer';

/** A catalog object the console must not change: `schema.name`, lower-case. */
export type ProtectedName = string;

export const KINDS = new Set(['TABLE', 'VIEW', 'SCHEMA', 'MACRO', 'FUNCTION', 'SEQUENCE', 'INDEX', 'TYPE', 'COLUMN']);
export const SKIP = new Set(['OR', 'REPLACE', 'IGNORE', 'TEMP', 'TEMPORARY', 'IF', 'NOT', 'EXISTS', 'UNIQUE', 'MATERIALIZED', 'PERSISTENT']);

/** Verb → the words that lead to the object it writes (after optional SKIP words and a kind). */
const VERBS: Record<string, string[]> = {
  DROP: [], ALTER: [], CREATE: [], TRUNCATE: [], COMMENT: ['ON'], INSERT: ['INTO'], DELETE: ['FROM'], UPDATE: [], COPY: []
};

export interface GuardRefusal {
  name: string;
  verb: string;
  message: string;
}

/**
 * Refuses a statement that would change the model (DROP/ALTER/CREATE OR REPLACE/INSERT/
 * UPDATE/DELETE/TRUNCATE/COMMENT/COPY … FROM on an object that existed when the engine
 * was set up) with a clear message, and lets everything else through — scratch tables
 * included. It reads words, not a parse tree, so it looks at every verb in the statement
 * (a CTE's DELETE, EXPLAIN ANALYZE DROP …); the console also checks the catalog after each
 * statement and reloads the model if anything still changed it.
 */
export function checkWrite(sql: string, protectedNames: ReadonlySet<ProtectedName>): GuardRefusal | null {
  const toks = tokens(sql);
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.kind !== 'word' || !(t.value in VERBS)) continue;
    let j = i + 1;
    const lead = VERBS[t.value]!;
    let kind = 'TABLE';
    while (toks[j]?.kind === 'word' && toks[j + 1]?.value !== '.' && (SKIP.has(toks[j]!.value) || KINDS.has(toks[j]!.value) || lead.includes(toks[j]!.value))) {
      if (KINDS.has(toks[j]!.value)) kind = toks[j]!.value;
      j++;
    }
    if (t.value === 'COPY' && !copiesInto(toks, j)) continue;
    // DROP/ALTER/CREATE/COMMENT take a kind; INSERT/UPDATE/DELETE/TRUNCATE/COPY a table.
    for (const parts of namesAt(toks, j, t.value === 'DROP')) {
      const target = kind === 'COLUMN' ? parts.slice(0, -1) : parts;
      const hit = kind === 'SCHEMA' ? schemaHit(target, protectedNames) : objectHit(target, protectedNames);
      if (hit) return refusal(t.value, hit);
    }
  }
  return null;
}

/** Qualified names at `j` (one, or a comma list for DROP), lower-case parts. */
export function namesAt(toks: Token[], j: number, list: boolean): string[][] {
  const out: string[][] = [];
  for (;;) {
    const parts: string[] = [];
    while (toks[j] && (toks[j]!.kind === 'word' || toks[j]!.kind === 'quoted')) {
      parts.push(toks[j]!.value.toLowerCase());
      if (toks[j + 1]?.value !== '.') break;
      j += 2;
    }
    if (parts.length === 0) return out;
    out.push(parts);
    j++;
    if (!list || toks[j]?.value !== ',') return out;
    j++;
  }
}

function copiesInto(toks: Token[], j: number): boolean {
  for (let k = j; k < Math.min(toks.length, j + 6); k++) if (toks[k]?.value === 'FROM') return true;
  return false;
}

function objectHit(parts: string[], names: ReadonlySet<ProtectedName>): string | null {
  const name = parts.at(-1);
  if (!name) return null;
  const schema = parts.length >= 2 ? parts.at(-2)! : null;
  for (const p of names) {
    const [s, n] = p.split('.') as [string, string];
    if (n === name && (schema === null || schema === s)) return p;
  }
  return null;
}

function schemaHit(parts: string[], names: ReadonlySet<ProtectedName>): string | null {
  const schema = parts.at(-1);
  return [...names].some((p) => p.startsWith(`${schema}.`)) ? `${schema}` : null;
}

function refusal(verb: string, name: string): GuardRefusal {
  const shown = name.startsWith('main.') ? name.slice(5) : name;
  return {
    name: shown,
    verb,
    message:
      `「${shown}」はダッシュボードのデータモデルの一部のため、変更・削除できません（読み取り専用）。` +
      `自分用の表は CREATE TABLE my_table AS SELECT … のように別の名前で作れます。` +
      ` (${verb} refused: ${shown} belongs to the dashboard's model and is read-only; create a scratch table under another name.)`
  };
}
