import type { ExplainedError } from './error-message';
import { tokens, type Span, type Token } from './sql-lexer';
import { checkWrite, KINDS, namesAt, SKIP, type GuardRefusal, type ProtectedName } from './write-guard';

/** What the console protects, read from the catalog when its engine starts. */
export interface GuardContext {
  /** The model's tables and views, `schema.name`, lower-case. */
  protectedNames: ReadonlySet<ProtectedName>;
  /** Every function and macro name at setup (built-ins and the model's), lower-case. */
  functions: ReadonlySet<string>;
}

/**
 * Everything the console refuses before a statement reaches DuckDB, in the order checked:
 * a write to the model (write-guard.ts); a new object that would take a model name
 * somewhere else (a temp table `raw_case`, a view `shadow.cases`, a macro `lower`), which
 * would make that name stop meaning the model once found first on the search path; and
 * INSTALL, which DuckDB would accept although no extension can ever be loaded here.
 */
export function refuseStatement(sql: string, ctx: GuardContext): GuardRefusal | null {
  return checkWrite(sql, ctx.protectedNames) ?? checkShadow(sql, ctx) ?? checkExtension(sql);
}

/**
 * The first statement of a run the console refuses, as the error it shows (the Japanese
 * sentence and the English one apart, the refused name marked), or null: a run is checked
 * as a whole before anything in it runs, so a refusal leaves the session as it was.
 */
export function firstRefusal(statements: Span[], ctx: GuardContext): (ExplainedError & { statement: string; from: number }) | null {
  for (const stmt of statements) {
    const refused = refuseStatement(stmt.text, ctx);
    if (!refused) continue;
    const at = refused.name ? stmt.text.toLowerCase().indexOf(refused.name.split('.').at(-1)!) : -1;
    // Guard messages are Japanese followed by their English in parentheses.
    const cut = refused.message.lastIndexOf(' (');
    const [japanese, english] = cut > 0 ? [refused.message.slice(0, cut), refused.message.slice(cut + 2, -1)] : [refused.message, ''];
    return { kind: '実行できません', japanese, english, position: at < 0 ? null : at, statement: stmt.text, from: stmt.from };
  }
  return null;
}

/** Whether a statement opens or closes a transaction (so a failed run can roll back what it began). */
export function transactionStep(sql: string): 'begin' | 'end' | null {
  const verb = tokens(sql).find((t) => t.kind === 'word')?.value;
  if (verb === 'BEGIN' || verb === 'START') return 'begin';
  if (verb === 'COMMIT' || verb === 'ROLLBACK' || verb === 'END' || verb === 'ABORT') return 'end';
  return null;
}

export function checkShadow(sql: string, ctx: GuardContext): GuardRefusal | null {
  const toks = tokens(sql);
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.kind !== 'word') continue;
    let target: string[] | undefined;
    let kind = 'TABLE';
    if (t.value === 'CREATE') {
      let j = i + 1;
      // A word followed by '.' is a name's first part (`temp.raw_case`), not the TEMP keyword.
      while (toks[j]?.kind === 'word' && toks[j + 1]?.value !== '.' && (SKIP.has(toks[j]!.value) || KINDS.has(toks[j]!.value))) {
        if (KINDS.has(toks[j]!.value)) kind = toks[j]!.value;
        j++;
      }
      if (kind === 'SCHEMA' || kind === 'INDEX' || kind === 'TYPE') continue;
      target = namesAt(toks, j, false)[0];
    } else if (t.value === 'RENAME' && word(toks[i + 1], 'TO')) {
      target = namesAt(toks, i + 2, false)[0];
    }
    const name = target?.at(-1);
    if (!name) continue;
    if (kind === 'MACRO' || kind === 'FUNCTION') {
      if (ctx.functions.has(name)) return shadowRefusal(name, 'function');
    } else {
      const schema = target!.length >= 2 ? target!.at(-2)! : 'main';
      const hit = [...ctx.protectedNames].find((p) => {
        const [s, n] = p.split('.') as [string, string];
        // A main object is reached by its bare name, anything else by schema.name.
        return n === name && (s === 'main' || s === schema);
      });
      if (hit) return shadowRefusal(hit.startsWith('main.') ? name : hit, 'object');
    }
  }
  return null;
}

export function checkExtension(sql: string): GuardRefusal | null {
  const words = tokens(sql).filter((t) => t.kind === 'word').map((t) => t.value);
  const verb = words[0] === 'FORCE' ? words[1] : words[0];
  if (verb !== 'INSTALL' && !(verb === 'UPDATE' && words[1] === 'EXTENSIONS')) return null;
  return {
    name: words[words.indexOf(verb) + 1]?.toLowerCase() ?? '',
    verb,
    message:
      'このサイトでは拡張機能を使えません。インターネットから読み込まないため、INSTALL・LOAD はできません（ダッシュボードのデータと DuckDB の組み込み機能はそのまま使えます）。' +
      ` (${verb} refused: extensions are not available here; this site never downloads code from the internet, so INSTALL and LOAD cannot work.)`
  };
}

function word(t: Token | undefined, value: string): boolean {
  return t?.kind === 'word' && t.value === value;
}

function shadowRefusal(name: string, what: 'object' | 'function'): GuardRefusal {
  const ja =
    what === 'function'
      ? `「${name}」は DuckDB の組み込み関数（またはモデルのマクロ）の名前です。同じ名前のマクロを作るとモデルの計算が変わるため作れません。別の名前にしてください。`
      : `「${name}」はダッシュボードのデータモデルの名前です。同じ名前の表やビューを一時領域や別のスキーマに作ると「${name}」がモデルを指さなくなるため作れません。別の名前にしてください。`;
  const en =
    what === 'function'
      ? `refused: ${name} is a built-in function or a model macro; a macro of that name would change what the model computes.`
      : `refused: ${name} is a name of the dashboard's model; an object of that name in temp or another schema would shadow it.`;
  return { name, verb: 'CREATE', message: `${ja} (${en})` };
}
