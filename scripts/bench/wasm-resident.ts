import { readFileSync } from 'node:fs';

/**
 * Resident MB of the wasm memory: V8 reserves ≥ 4 GB of address space for it and makes the
 * memory's current size read-write, so the kernel lists it as the rw mapping that ends where
 * the large inaccessible rest of the reservation begins.
 */
export function wasmResidentMb(): number {
  const smaps = readFileSync('/proc/self/smaps', 'utf8').split('\n');
  const maps: { start: number; end: number; perms: string; rss: number }[] = [];
  for (const line of smaps) {
    const m = /^([0-9a-f]+)-([0-9a-f]+) (\S+)/.exec(line);
    if (m) maps.push({ start: parseInt(m[1], 16), end: parseInt(m[2], 16), perms: m[3], rss: 0 });
    const r = /^Rss:\s+(\d+) kB/.exec(line);
    if (r && maps.length) maps[maps.length - 1].rss = Number(r[1]) / 1024;
  }
  let total = 0;
  for (let i = 1; i < maps.length; i++) {
    const rest = maps[i], mem = maps[i - 1];
    if (rest.perms.startsWith('---') && rest.end - rest.start >= 4 * 2 ** 30 && mem.end === rest.start && mem.perms.startsWith('rw')) total += mem.rss;
  }
  return total;
}
