// Writes a copy of DuckDB-WASM's duckdb-eh.wasm whose export section keeps only the exports
// JavaScript can reach (docs/performance.md, "Slim DuckDB wasm"). The binary is built as an
// Emscripten MAIN_MODULE so that extensions can be dlopen'ed, and exports all of its 75,011
// symbols (7.4 MB of export section, ≈ 740 KB brotli); we never load an extension. At start-up
// Emscripten's dynamic-linking runtime also gives every exported function a table slot and a
// WebAssembly.Global (updateGOT), so fewer exports is less start-up work as well.
//
// Kept: every export whose name appears as an identifier in the JS glue that loads this binary
// (the browser worker and the Node builds: `wasmExports.x`, `Module._x = …`, ccall names are
// all such identifiers), every name the module imports from GOT.mem / GOT.func (resolved from
// the module's own exports at start-up: a missing one throws), and the runtime's own exports
// (memory, table, stack, constructors, relocations, exception tag). Removing an export
// renumbers nothing, so the export section is rewritten in place; then binaryen's wasm-opt
// removes the functions, globals and imports nothing reaches any more (removeUnusedCode).
//
// `orig$x` (x with its i64 arguments not legalized for JS) stays exactly when x stays.
//
//   node scripts/wasm/slim-duckdb-wasm.js   prints the cached slim file's path (makes it if needed)
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const DIST = 'node_modules/@duckdb/duckdb-wasm/dist';
export const SOURCE_WASM = `${DIST}/duckdb-eh.wasm`;
/** The glue that instantiates duckdb-eh.wasm: the browser's worker and the Node builds (tests). */
export const GLUE = ['duckdb-browser-eh.worker.js', 'duckdb-node-eh.worker.cjs', 'duckdb-node-blocking.cjs'].map((f) => `${DIST}/${f}`);
const CACHE_DIR = 'node_modules/.cache/duckdb-slim';

/**
 * Exports Emscripten's runtime reaches without naming them in the glue as identifiers (some are
 * listed in strings, e.g. isInternalSym, or reached through the instance): kept whatever the glue says.
 */
export const RUNTIME_EXPORTS = [
  'memory',
  '__indirect_function_table',
  '__stack_pointer',
  '__wasm_call_ctors',
  '__wasm_apply_data_relocs',
  '__cpp_exception',
  '__c_longjmp',
  '__dso_handle',
  '__heap_base',
  '__data_end',
  '__tls_size',
  '__tls_align',
  '__tls_base',
  '__set_stack_limits',
  '_emscripten_tls_init',
  '__wasm_init_tls',
  '__start_em_asm',
  '__stop_em_asm',
  '__start_em_js',
  '__stop_em_js',
  '__em_js__'
];

const MAGIC = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
const SECTION = { import: 2, export: 7 };
const IMPORT_KIND = { func: 0, table: 1, memory: 2, global: 3, tag: 4 };

/** A cursor over wasm bytes: unsigned LEB128 and length-prefixed UTF-8 names. */
function reader(buf, pos) {
  const r = {
    pos,
    byte: () => buf[r.pos++],
    u32() {
      let value = 0;
      for (let shift = 0; ; shift += 7) {
        const b = buf[r.pos++];
        if (b === undefined || shift > 28) throw new Error(`wasm: bad LEB128 at byte ${r.pos}`);
        value += (b & 0x7f) * 2 ** shift;
        if (!(b & 0x80)) return value;
      }
    },
    name() {
      const length = r.u32();
      const s = buf.toString('utf8', r.pos, r.pos + length);
      r.pos += length;
      return s;
    },
    limits() {
      const flags = r.byte();
      r.u32();
      if (flags & 1) r.u32();
    }
  };
  return r;
}

function u32(value) {
  const out = [];
  do {
    let b = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) b |= 0x80;
    out.push(b);
  } while (value);
  return Buffer.from(out);
}

/** The module's sections in order: id, where the whole section starts and its content's range. */
export function sections(buf) {
  if (!MAGIC.every((b, i) => buf[i] === b)) throw new Error('not a wasm module (version 1)');
  const out = [];
  const r = reader(buf, 8);
  while (r.pos < buf.length) {
    const at = r.pos;
    const id = r.byte();
    const size = r.u32();
    out.push({ id, at, start: r.pos, end: r.pos + size });
    r.pos += size;
  }
  if (r.pos !== buf.length) throw new Error('wasm: a section runs past the end of the file');
  return out;
}

/** Imports as { module, name, kind }. */
export function imports(buf) {
  const sec = sections(buf).find((s) => s.id === SECTION.import);
  if (!sec) return [];
  const r = reader(buf, sec.start);
  return Array.from({ length: r.u32() }, () => {
    const module = r.name();
    const name = r.name();
    const kind = r.byte();
    if (kind === IMPORT_KIND.func) r.u32();
    else if (kind === IMPORT_KIND.table) (r.byte(), r.limits());
    else if (kind === IMPORT_KIND.memory) r.limits();
    else if (kind === IMPORT_KIND.global) (r.byte(), r.byte());
    else if (kind === IMPORT_KIND.tag) (r.byte(), r.u32());
    else throw new Error(`wasm: unknown import kind ${kind}`);
    return { module, name, kind };
  });
}

/** Exports as { name, kind, bytes } (bytes: the entry as encoded, copied verbatim when kept). */
export function exports(buf) {
  const sec = sections(buf).find((s) => s.id === SECTION.export);
  if (!sec) return [];
  const r = reader(buf, sec.start);
  const list = Array.from({ length: r.u32() }, () => {
    const at = r.pos;
    const name = r.name();
    const kind = r.byte();
    r.u32();
    return { name, kind, bytes: buf.subarray(at, r.pos) };
  });
  if (r.pos !== sec.end) throw new Error('wasm: export section has trailing bytes');
  return list;
}

/** `buf` with an export section that holds only the exports `keep(name)` accepts; nothing else changes. */
export function withExports(buf, keep) {
  const sec = sections(buf).find((s) => s.id === SECTION.export);
  if (!sec) throw new Error('wasm: no export section');
  const kept = exports(buf).filter((e) => keep(e.name));
  const content = Buffer.concat([u32(kept.length), ...kept.map((e) => e.bytes)]);
  return Buffer.concat([buf.subarray(0, sec.at), Buffer.from([SECTION.export]), u32(content.length), content, buf.subarray(sec.end)]);
}

/** Every identifier-like word of the glue: a superset of `wasmExports.x`, `Module._x`, `wasmExports["x"]` and ccall/cwrap names. */
export function glueNames(...sources) {
  const names = new Set();
  for (const text of sources) for (const m of text.matchAll(/[A-Za-z_$][\w$]*/g)) names.add(m[0]);
  return names;
}

/** The names to keep: those the glue names, the GOT imports, the runtime's. */
export function reachableExports(buf, glueSources) {
  const names = glueNames(...glueSources);
  for (const i of imports(buf)) if (i.module === 'GOT.mem' || i.module === 'GOT.func') names.add(i.name);
  for (const n of RUNTIME_EXPORTS) names.add(n);
  // `orig$x`: x before Emscripten legalized its i64 arguments for JS; when both exist, x's GOT
  // entry is set from `orig$x` (updateGOT), so it stays exactly when x stays.
  const kept = (name) => names.has(name) || name.startsWith('__em_js__') || name.startsWith('dynCall_');
  return (name) => kept(name.startsWith('orig$') ? name.slice('orig$'.length) : name);
}

/** The slim copy of `wasm` for the glue files `glue` (paths), and how many exports it keeps. */
export function slim(wasm, glueSources) {
  const keep = reachableExports(wasm, glueSources);
  const out = withExports(wasm, keep);
  return { wasm: out, before: exports(wasm).length, after: exports(out).length };
}

/**
 * The WebAssembly features duckdb-eh.wasm is built with (Emscripten, wasm exceptions). binaryen
 * validates its input against them: a future build that uses another feature fails loudly.
 */
const FEATURES = ['sign-ext', 'mutable-globals', 'nontrapping-float-to-int', 'bulk-memory', 'bulk-memory-opt', 'exception-handling', 'reference-types', 'multivalue'];

/**
 * binaryen's wasm-opt (in its own process: it needs ≈ 0.5 GB) removes what no export, table
 * entry or start function reaches: with 281 exports instead of 75,011, ≈ 2.6 MB of code. Only
 * that pass: no optimisation that rewrites the code that stays.
 */
export async function removeUnusedCode(input, output) {
  const wasmOpt = createRequire(import.meta.url).resolve('binaryen/bin/wasm-opt');
  const args = [input, ...FEATURES.map((f) => `--enable-${f}`), '--remove-unused-module-elements', '-o', output];
  await promisify(execFile)(process.execPath, [wasmOpt, ...args], { maxBuffer: 16 << 20 });
}

/**
 * The slim duckdb-eh.wasm's path, made once per input: cached in node_modules/.cache/duckdb-slim
 * under a hash of the wasm, the glue, binaryen's version and this script, so a rebuild reads it back.
 */
export async function slimDuckdbWasm({ root = process.cwd(), log = console.log } = {}) {
  const wasm = readFileSync(resolve(root, SOURCE_WASM));
  const glue = GLUE.map((f) => readFileSync(resolve(root, f), 'utf8'));
  const binaryen = createRequire(import.meta.url).resolve('binaryen/package.json');
  const hash = createHash('sha256');
  for (const part of [wasm, ...glue, readFileSync(binaryen), readFileSync(fileURLToPath(import.meta.url))]) hash.update(part);
  // The file keeps its name, so the built asset is still duckdb-eh.<hash>.wasm.
  const out = resolve(root, CACHE_DIR, hash.digest('hex').slice(0, 16), 'duckdb-eh.wasm');
  if (existsSync(out)) return out;
  const started = Date.now();
  const result = slim(wasm, glue);
  mkdirSync(dirname(out), { recursive: true });
  const tmp = `${out}.${process.pid}`;
  writeFileSync(`${tmp}.exports`, result.wasm);
  try {
    await removeUnusedCode(`${tmp}.exports`, tmp);
  } finally {
    rmSync(`${tmp}.exports`, { force: true });
  }
  const kept = exports(readFileSync(tmp)).map((e) => e.name);
  if (kept.length !== result.after) throw new Error(`slim-duckdb-wasm: wasm-opt left ${kept.length} exports, expected ${result.after}`);
  renameSync(tmp, out);
  const mb = (n) => (n / 1e6).toFixed(1);
  log(`slim-duckdb-wasm: ${result.before} → ${result.after} exports, ${mb(wasm.length)} → ${mb(result.wasm.length)} → ${mb(statSync(out).size)} MB (exports, unused code) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return out;
}

/** One slim file per process (vite.config.ts asks from several hooks). */
let made;
export const slimDuckdbWasmOnce = (options) => (made ??= slimDuckdbWasm(options));

if (import.meta.url === `file://${process.argv[1]}`) console.log(await slimDuckdbWasm({ log: console.error }));
