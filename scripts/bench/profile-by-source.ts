import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';

/** A CDP `Profiler.stop` profile, as far as the tables below read it. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { url: string; functionName: string; lineNumber: number; columnNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/** A CDP `HeapProfiler.stopSampling` profile's tree, as far as allocationAsProfile reads it. */
export interface AllocationNode {
  id: number;
  selfSize: number;
  callFrame: CpuProfile['nodes'][number]['callFrame'];
  children?: AllocationNode[];
}

/**
 * A sampling heap profile in the shape SelfTime reads: each node's sampled bytes as its "time"
 * (in KB), so the same tables list allocation by package and by function. Returns the total KB.
 */
export function allocationAsProfile(head: AllocationNode): { profile: CpuProfile; totalKb: number } {
  const profile: CpuProfile = { nodes: [], samples: [], timeDeltas: [] };
  let totalKb = 0;
  const walk = (node: AllocationNode) => {
    profile.nodes.push({ id: node.id, callFrame: node.callFrame });
    if (node.selfSize) {
      profile.samples.push(node.id);
      profile.timeDeltas.push(node.selfSize * (1000 / 1024));
      totalKb += node.selfSize / 1024;
    }
    for (const child of node.children ?? []) walk(child);
  };
  walk(head);
  return { profile, totalKb };
}

/** Self time (ms) of one or more profiles, by package or source file and by function (`file:fn@line`). */
export class SelfTime {
  readonly byFile = new Map<string, number>();
  readonly byFn = new Map<string, number>();
  private readonly maps = new Map<string, TraceMap | null>();

  /** `dir`: the built site the page was served from; its `.map` files name the sources. */
  constructor(private readonly dir: string) {}

  add(profile: CpuProfile): void {
    const self = new Map<number, number>();
    profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + profile.timeDeltas[i]! / 1000));
    for (const node of profile.nodes) {
      const t = self.get(node.id) ?? 0;
      if (!t) continue;
      const cf = node.callFrame;
      let file = cf.url ? cf.url.split('/').pop()! : `(${cf.functionName || 'program'})`;
      let fn = cf.functionName;
      const m = cf.url.startsWith('http') ? this.mapFor(cf.url) : null;
      const o = m ? originalPositionFor(m, { line: cf.lineNumber + 1, column: cf.columnNumber }) : null;
      if (o?.source) {
        file = o.source.replace(/^.*node_modules\//, 'nm/').replace(/^.*\/src\//, 'src/');
        fn = `${o.name ?? fn}@${o.line}`;
      }
      const pkg = file.startsWith('nm/') ? file.split('/').slice(0, file.startsWith('nm/@') ? 3 : 2).join('/') : file;
      this.byFile.set(pkg, (this.byFile.get(pkg) ?? 0) + t);
      this.byFn.set(`${file}:${fn}`, (this.byFn.get(`${file}:${fn}`) ?? 0) + t);
    }
  }

  /** The `k` largest entries, each divided by `per` (clicks, loads), one line each. */
  static top(m: Map<string, number>, k: number, per: number, unit: string): string {
    return [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, k).map(([name, ms]) => `${(ms / per).toFixed(2).padStart(8)} ${unit}  ${name}`).join('\n');
  }

  private mapFor(url: string): TraceMap | null {
    if (!this.maps.has(url)) {
      const p = join(this.dir, new URL(url).pathname) + '.map';
      this.maps.set(url, existsSync(p) ? new TraceMap(readFileSync(p, 'utf8')) : null);
    }
    return this.maps.get(url)!;
  }
}
