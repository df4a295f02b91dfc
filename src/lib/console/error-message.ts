/**
 * A DuckDB error made readable: the kind in Japanese, the original English text, a
 * Japanese gloss for common messages, and where in the statement it failed (DuckDB prints
 * `LINE n: …` with a caret; some builds give a JSON object with `position`).
 */
export interface ExplainedError {
  kind: string;
  japanese: string;
  english: string;
  /** Offset in the statement text, when DuckDB says where. */
  position: number | null;
}

const KINDS: Record<string, string> = {
  Parser: '構文エラー',
  Catalog: 'カタログエラー（テーブル・列・関数が見つからない、または既にある）',
  Binder: '参照エラー（列名や型が合わない）',
  Conversion: '型変換エラー',
  'Invalid Input': '入力エラー',
  'Out of Range': '範囲外の値',
  Constraint: '制約違反',
  Interrupt: '中断されました',
  'Out of Memory': 'メモリ不足',
  IO: '入出力エラー',
  'Not implemented': 'この機能には対応していません',
  Dependency: '依存関係のエラー',
  Permission: '権限がありません',
  Transaction: 'トランザクションのエラー',
  TransactionContext: 'トランザクションのエラー',
  'Invalid Configuration': '設定のエラー',
  'Extension Autoloading': '拡張機能のエラー',
  HTTP: '通信エラー',
  Network: '通信エラー'
};

/** When no gloss matches: what the kind usually means and what to do, never the kind again. */
const KIND_HINTS: Record<string, string> = {
  Parser: 'SQL の書き方を確認してください',
  Catalog: 'テーブル・列・関数の名前を確認してください（一覧は「テーブルとメジャー」）',
  Binder: '列の名前や型の組み合わせを確認してください',
  Conversion: '値を別の型に変換できませんでした',
  'Invalid Input': '関数や設定に渡した値が受け付けられませんでした',
  'Out of Range': '値が型の範囲を超えています',
  'Out of Memory': 'ブラウザーで使えるメモリーを超えました。行や列を絞ってください',
  'Not implemented': 'DuckDB-WASM ではこの機能を使えません',
  Permission: 'このコンソールでは許可されていない操作です',
  Transaction: 'トランザクションを確認してください（COMMIT または ROLLBACK）',
  TransactionContext: 'トランザクションを確認してください（COMMIT または ROLLBACK）'
};

const NO_EXTENSIONS = 'このサイトでは拡張機能を使えません（インターネットから読み込まないため、INSTALL・LOAD もできません）';

const GLOSSES: [RegExp, (m: RegExpExecArray) => string][] = [
  [/Cannot access file "([^"]*)" - file system operations are disabled/, (m) =>
    `ファイルや URL（${m[1]}）は読み書きできません。このコンソールは外部にアクセスしません（ダッシュボードのデータはそのまま使えます）`],
  [/required extension '([^']+)'/, (m) => `拡張機能「${m[1]}」が必要な機能です。${NO_EXTENSIONS}`],
  [/[Ll]oading external extensions is disabled|Extension .* is not available|extension.*(?:not found|could not be loaded)/, () => NO_EXTENSIONS],
  [/Cannot change configuration option "([^"]+)" - the configuration has been locked/, (m) =>
    `設定「${m[1]}」は変更できません（安全のため、起動後は固定しています）`],
  [/cannot start a transaction within a transaction/, () => 'すでにトランザクションの中です（BEGIN が二重です）。COMMIT か ROLLBACK で終えてから始めてください'],
  [/Current transaction is aborted/, () => '前のエラーでトランザクションが中断されています。ROLLBACK を実行してください'],
  [/cannot (commit|rollback) - no transaction is active/, (m) => `トランザクションが始まっていないため ${m[1]!.toUpperCase()} できません`],
  [/No catalog \+ schema named "([^"]+)" found/, (m) => `スキーマ「${m[1]}」はありません（search_path には既にあるスキーマを指定してください）`],
  [/NetworkError|Failed to fetch|Failed to execute 'send'|HTTP(?: GET| HEAD)? error|Could not establish connection/i, () =>
    'ネットワークにアクセスできません（このサイトは外部と通信しません）'],
  [/syntax error at or near "([^"]*)"/, (m) => `「${m[1]}」の付近の書き方が正しくありません`],
  [/syntax error at end of input/, () => '文が途中で終わっています'],
  [/Table with name (\S+) does not exist/, (m) => `テーブル「${m[1]}」はありません`],
  [/Referenced column "?([^"\s]+)"? not found/, (m) => `列「${m[1]}」が見つかりません`],
  [/Scalar Function with name (\S+) does not exist/, (m) => `関数「${m[1]}」はありません`],
  [/Could not convert string '([^']*)' to (\S+)/, (m) => `文字列 '${m[1]}' を ${m[2]} に変換できません`],
  [/must appear in the GROUP BY clause/, () => 'GROUP BY に含まれない列を集計せずに選んでいます'],
  [/already exists/, () => '同じ名前のオブジェクトが既にあります'],
  [/INTERRUPT|[Ii]nterrupted/, () => '実行を中止しました']
];

export function explainError(raw: unknown, statement: string): ExplainedError {
  let text = raw instanceof Error ? raw.message : String(raw);
  let position: number | null = null;
  try {
    const j = JSON.parse(text) as { exception_type?: string; exception_message?: string; position?: string };
    if (j.exception_message) {
      text = `${j.exception_type ?? 'Error'} Error: ${j.exception_message}`;
      if (j.position !== undefined) position = Number(j.position);
    }
  } catch {
    /* plain text, the usual case */
  }
  const kindMatch = /^([A-Za-z ]+?) Error: /.exec(text) ?? /^(Network|HTTP)Error\b/.exec(text);
  const kindName = kindMatch?.[1] ?? '';
  const kind = KINDS[kindName] ?? 'エラー';
  position ??= caretPosition(text, statement);
  const first = text.split('\n')[0] ?? text;
  const gloss = GLOSSES.map(([re, f]) => {
    const m = re.exec(first);
    return m ? f(m) : null;
  }).find((g) => g !== null);
  const japanese = gloss ?? KIND_HINTS[kindName] ?? 'DuckDB がエラーを返しました。下の英語のメッセージが原因を示しています';
  return { kind, japanese, english: text.trim(), position };
}

/** From DuckDB's `LINE n: <snippet>` + caret line, the offset in `statement`. */
function caretPosition(text: string, statement: string): number | null {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => /^LINE \d+: /.test(l));
  if (at < 0) return null;
  const head = /^LINE (\d+): /.exec(lines[at]!)!;
  const caret = lines[at + 1]?.indexOf('^') ?? -1;
  if (caret < 0) return null;
  let snippet = lines[at]!.slice(head[0].length);
  let column = caret - head[0].length;
  if (snippet.startsWith('...')) {
    snippet = snippet.slice(3);
    column -= 3;
  }
  snippet = snippet.replace(/\.\.\.$/, '');
  const stmtLines = statement.split('\n');
  const lineNo = Number(head[1]) - 1;
  const line = stmtLines[lineNo] ?? '';
  const start = Math.max(0, line.indexOf(snippet));
  const before = stmtLines.slice(0, lineNo).reduce((n, l) => n + l.length + 1, 0);
  return Math.min(statement.length, before + start + Math.max(0, column));
}
