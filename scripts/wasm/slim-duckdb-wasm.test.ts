/**
 * The export-section rewrite keeps exactly the exports asked for and changes no other byte
 * (random modules built with binaryen); on DuckDB's real duckdb-eh.wasm it keeps everything
 * the JS glue and the dynamic-linking runtime reach. That the slim file still runs DuckDB is
 * slim-duckdb-wasm-engine.test.ts.
 */
import { readFileSync } from 'node:fs';
import binaryen from 'binaryen';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exports, GLUE, glueNames, imports, reachableExports, sections, slim, SOURCE_WASM, withExports } from './slim-duckdb-wasm.js';

/** A module with one function per name (returning its index) and one exported global per `globals` name. */
function moduleWith(functions: string[], globals: string[]): Buffer {
  const m = new binaryen.Module();
  functions.forEach((name, i) => {
    m.addFunction(`f${i}`, binaryen.none, binaryen.i32, [], m.i32.const(i));
    m.addFunctionExport(`f${i}`, name);
  });
  globals.forEach((name, i) => {
    m.addGlobal(`g${i}`, binaryen.i32, false, m.i32.const(1000 + i));
    m.addGlobalExport(`g${i}`, name);
  });
  m.setMemory(1, 1, 'memory');
  const bytes = Buffer.from(m.emitBinary());
  m.dispose();
  return bytes;
}

const arbName = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 });

describe('an export section rewritten to the names kept', () => {
  it('exports exactly those names, in order, with the same functions and globals, and every other section byte for byte', () => {
    fc.assert(
      fc.property(fc.uniqueArray(arbName, { maxLength: 300 }), fc.func(fc.boolean()), fc.nat({ max: 300 }), (names, keepFn, split) => {
        const [functions, globals] = [names.slice(0, split), names.slice(split)];
        const before = moduleWith(functions, globals);
        const keep = (n: string) => n === 'memory' || keepFn(n);
        const after = withExports(before, keep);
        expect(WebAssembly.validate(after)).toBe(true);
        const kept = WebAssembly.Module.exports(new WebAssembly.Module(before)).filter((e) => keep(e.name));
        expect(WebAssembly.Module.exports(new WebAssembly.Module(after))).toEqual(kept);
        expect(exports(after).map((e) => e.name)).toEqual(kept.map((e) => e.name));
        const instance = new WebAssembly.Instance(new WebAssembly.Module(after)).exports;
        functions.forEach((n, i) => keep(n) && expect((instance[n] as () => number)()).toBe(i));
        globals.forEach((n, i) => keep(n) && expect((instance[n] as WebAssembly.Global).value).toBe(1000 + i));
        const others = (b: Buffer) => sections(b).filter((s) => s.id !== 7).map((s) => b.subarray(s.at, s.end).toString('hex'));
        expect(others(after)).toEqual(others(before));
      }),
      { numRuns: 60 }
    );
  });
});

describe("DuckDB's duckdb-eh.wasm, slimmed", () => {
  const wasm = readFileSync(SOURCE_WASM);
  const glue = GLUE.map((f) => readFileSync(f, 'utf8'));
  const { wasm: out, before, after } = slim(wasm, glue);
  const keptNames = new Set(exports(out).map((e) => e.name));
  const original = exports(wasm).map((e) => e.name);
  const exported = new Set(original);

  it('keeps every export the glue reaches: wasmExports.x and the names ccall is given (string literals)', () => {
    expect(before).toBe(original.length);
    expect(after).toBe(keptNames.size);
    expect(after).toBeLessThan(before / 10);
    for (const text of glue) {
      const named = [
        ...[...text.matchAll(/wasmExports(?:\.([\w$]+)|\["([^"]+)"\])/g)].map((m) => m[1] ?? m[2]!),
        // ccall("duckdb_web_x", …) and DuckDB's own helpers around it take the name as a string.
        ...[...text.matchAll(/["']([\w$]+)["']/g)].map((m) => m[1]!)
      ];
      expect(named.length).toBeGreaterThan(50);
      for (const name of named) if (exported.has(name)) expect(keptNames, name).toContain(name);
    }
    // The bindings DuckDB-WASM calls by name are all there.
    const web = original.filter((n) => n.startsWith('duckdb_web_') && glueNames(...glue).has(n));
    expect(web.length).toBeGreaterThan(40);
    expect(glue[0]).toMatch(/ccall\("duckdb_web_/);
    for (const n of web) expect(keptNames).toContain(n);
  });

  it('keeps what the dynamic-linking runtime resolves: GOT imports, memory, table, constructors, relocations, exception tag', () => {
    for (const i of imports(wasm)) if (i.module.startsWith('GOT.') && exported.has(i.name)) expect(keptNames, i.name).toContain(i.name);
    for (const n of ['__wasm_call_ctors', '__wasm_apply_data_relocs', 'malloc', 'free', '_emscripten_stack_alloc', '_emscripten_stack_restore', '__cxa_throw']) expect(keptNames, n).toContain(n);
    for (const n of ['memory', '__indirect_function_table', '__stack_pointer', '__cpp_exception']) if (exported.has(n)) expect(keptNames, n).toContain(n);
    // x's GOT entry comes from orig$x when both exist: they stay or go together.
    for (const n of original.filter((x) => x.startsWith('orig$'))) expect(keptNames.has(n), n).toBe(keptNames.has(n.slice(5)));
  });

  it('drops what nothing names (mangled C++ symbols, type info)', () => {
    const keep = reachableExports(wasm, glue);
    const mangled = original.filter((n) => n.startsWith('_Z'));
    expect(mangled.length).toBeGreaterThan(1000);
    expect(mangled.filter(keep)).toEqual([]);
    expect(WebAssembly.validate(out)).toBe(true);
  });
});
