import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

/**
 * The characters the site can show, known at build time: every character of the UI's source
 * (src/, model/, sql/), of the survey's files (data/) and of every text value in the Parquet
 * files the site ships (a superset: code comments are in it too). Characters typed by a person (console, search boxes) or coming from a
 * person's own data fall back to the next font of the stack (the system's).
 */

/** Always in: printable ASCII (numbers, SQL, English messages of the engine). */
export const ALWAYS: [number, number][] = [[0x20, 0x7e]];

const TEXT = new Set(['.ts', '.js', '.svelte', '.html', '.css', '.sql', '.md', '.csv', '.json', '.txt']);

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else if (TEXT.has(extname(name))) yield p;
  }
}

/**
 * Source text without its comments and tests: what a page can display. Approximate (a `//`
 * inside a string ends the line early), which only moves characters to the rest file.
 */
export function displayable(path: string, text: string): string {
  if (/\.test\.ts$/.test(path) || !/\.(ts|js|svelte|html|css)$/.test(path)) return /\.(ts|js|svelte|html|css)$/.test(path) ? '' : text;
  return text
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

/** Characters of the text files under the given folders (missing folders are skipped). */
export function sourceChars(dirs: readonly string[], filter: (path: string, text: string) => string = (_, t) => t): Set<number> {
  const out = new Set<number>();
  for (const d of dirs) {
    try {
      statSync(d);
    } catch {
      continue;
    }
    for (const f of files(d)) for (const ch of filter(f, readFileSync(f, 'utf8'))) out.add(ch.codePointAt(0)!);
  }
  return out;
}

/**
 * Characters of the VARCHAR values in the Parquet files of a folder (through native DuckDB);
 * with `maxDistinct`, only of the columns with at most that many distinct values (labels).
 */
export async function parquetChars(dir: string, maxDistinct = Infinity): Promise<Set<number>> {
  const out = new Set<number>();
  let names: string[];
  try {
    names = readdirSync(dir).filter((f) => f.endsWith('.parquet')).sort();
  } catch {
    return out;
  }
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  try {
    for (const name of names) {
      const path = join(dir, name).replaceAll("'", "''");
      const cols = (await (await conn.run(`DESCRIBE SELECT * FROM read_parquet('${path}')`)).getRowObjects())
        .filter((c) => String(c.column_type) === 'VARCHAR')
        .map((c) => `"${String(c.column_name).replaceAll('"', '""')}"`);
      for (const col of cols) {
        const sql = `SELECT DISTINCT ${col} AS v FROM read_parquet('${path}') WHERE ${col} IS NOT NULL`;
        const rows = await (await conn.run(sql)).getRows();
        if (rows.length > maxDistinct) continue;
        for (const [v] of rows) for (const ch of String(v)) out.add(ch.codePointAt(0)!);
      }
    }
  } finally {
    conn.closeSync();
  }
  return out;
}

/** Sorted code points, without controls. */
export function sorted(...sets: Iterable<number>[]): number[] {
  const all = new Set<number>();
  for (const s of sets) for (const c of s) if (c >= 0x20 && !(c >= 0x7f && c < 0xa0) && !(c >= 0xd800 && c < 0xe000) && c !== 0xfeff) all.add(c);
  return [...all].sort((a, b) => a - b);
}

export const rangeChars = (ranges: readonly [number, number][]) => ranges.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => a + i));
