/**
 * Just enough of a SQL lexer for the console: where statements start and end, and the
 * words of a statement outside strings, quoted names and comments. DuckDB itself parses
 * what runs; this only decides which text to send and what it touches.
 */
export interface Span {
  from: number;
  to: number;
  text: string;
}

export interface Token {
  kind: 'word' | 'quoted' | 'string' | 'symbol';
  /** Words upper-cased, quoted names unquoted; symbols as written. */
  value: string;
  from: number;
}

/** Length of the string, quoted name or comment starting at `i`, or 0. */
function skipLength(sql: string, i: number): number {
  const c = sql[i];
  const rest = sql.slice(i);
  if (rest.startsWith('--')) {
    const nl = sql.indexOf('\n', i);
    return (nl < 0 ? sql.length : nl) - i;
  }
  if (rest.startsWith('/*')) {
    const end = sql.indexOf('*/', i + 2);
    return (end < 0 ? sql.length : end + 2) - i;
  }
  if (c === "'" || c === '"') {
    let j = i + 1;
    while (j < sql.length) {
      if (sql[j] === c && sql[j + 1] === c) j += 2;
      else if (sql[j] === c) return j + 1 - i;
      else j++;
    }
    return sql.length - i;
  }
  const dollar = /^\$([A-Za-z_]*)\$/.exec(rest);
  if (dollar) {
    const end = sql.indexOf(dollar[0], i + dollar[0].length);
    return (end < 0 ? sql.length : end + dollar[0].length) - i;
  }
  return 0;
}

/** The statements of a script (separated by `;` outside strings and comments), trimmed, empty ones dropped. */
export function splitSql(sql: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const push = (end: number) => {
    const raw = sql.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (stripComments(text).trim()) spans.push({ from: start + lead, to: start + lead + text.length, text });
  };
  for (let i = 0; i < sql.length; ) {
    const skip = skipLength(sql, i);
    if (skip > 0) {
      i += skip;
    } else if (sql[i] === ';') {
      push(i);
      start = ++i;
    } else i++;
  }
  push(sql.length);
  return spans;
}

/** The statement the cursor is in (or just after); the last one if the cursor is past them all. */
export function statementAt(sql: string, cursor: number): Span | undefined {
  const spans = splitSql(sql);
  return spans.find((s) => cursor >= s.from && cursor <= s.to + 1) ?? spans.findLast((s) => s.from <= cursor) ?? spans[0];
}

export function tokens(sql: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < sql.length; ) {
    const c = sql[i]!;
    const skip = skipLength(sql, i);
    if (skip > 0) {
      if (c === '"') out.push({ kind: 'quoted', value: sql.slice(i + 1, i + skip - 1).replaceAll('""', '"'), from: i });
      else if (c === "'" || c === '$') out.push({ kind: 'string', value: '', from: i });
      i += skip;
    } else if (/[\p{L}_]/u.test(c)) {
      const m = /^[\p{L}\p{N}_$]+/u.exec(sql.slice(i))!;
      out.push({ kind: 'word', value: m[0].toUpperCase(), from: i });
      i += m[0].length;
    } else if (/\s/.test(c)) i++;
    else {
      out.push({ kind: 'symbol', value: c, from: i });
      i++;
    }
  }
  return out;
}

function stripComments(sql: string): string {
  let out = '';
  for (let i = 0; i < sql.length; ) {
    const skip = skipLength(sql, i);
    if (skip > 0 && (sql.startsWith('--', i) || sql.startsWith('/*', i))) i += skip;
    else if (skip > 0) {
      out += sql.slice(i, i + skip);
      i += skip;
    } else out += sql[i++];
  }
  return out;
}
