import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Bytes and files under a folder (recursively); 0 when absent. */
export function folderSize(path: string): { bytes: number; files: number } {
  if (!existsSync(path)) return { bytes: 0, files: 0 };
  let bytes = 0;
  let files = 0;
  for (const e of readdirSync(path, { withFileTypes: true })) {
    const p = join(path, e.name);
    if (e.isDirectory()) {
      const d = folderSize(p);
      bytes += d.bytes;
      files += d.files;
    } else {
      bytes += statSync(p).size;
      files++;
    }
  }
  return { bytes, files };
}

/**
 * What Chromium's compiled-code cache holds in a profile (`Default/Code Cache/wasm` or `/js`),
 * in bytes. An empty cache is an index of a few dozen bytes; DuckDB's compiled wasm, once
 * written, is ≈ 1.5 MB (V8 caches only code optimised by TurboFan, see docs/performance.md
 * "Warm visits and the wasm code cache").
 */
export function codeCacheBytes(profile: string, kind: 'wasm' | 'js'): number {
  return folderSize(join(profile, 'Default', 'Code Cache', kind)).bytes;
}
