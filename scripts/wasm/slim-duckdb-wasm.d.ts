/** Types of scripts/wasm/slim-duckdb-wasm.js (plain JS so it runs without a build step). */
export interface WasmSection { id: number; at: number; start: number; end: number }
export interface WasmImport { module: string; name: string; kind: number }
export interface WasmExport { name: string; kind: number; bytes: Uint8Array }
export const SOURCE_WASM: string;
export const GLUE: string[];
export const RUNTIME_EXPORTS: string[];
export function sections(buf: Buffer): WasmSection[];
export function imports(buf: Buffer): WasmImport[];
export function exports(buf: Buffer): WasmExport[];
export function withExports(buf: Buffer, keep: (name: string) => boolean): Buffer;
export function glueNames(...sources: string[]): Set<string>;
export function reachableExports(buf: Buffer, glueSources: string[]): (name: string) => boolean;
export function slim(wasm: Buffer, glueSources: string[]): { wasm: Buffer; before: number; after: number };
export function removeUnusedCode(input: string, output: string): Promise<void>;
interface Options { root?: string; log?: (line: string) => void }
export function slimDuckdbWasm(options?: Options): Promise<string>;
export function slimDuckdbWasmOnce(options?: Options): Promise<string>;
