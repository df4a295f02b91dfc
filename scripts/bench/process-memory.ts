import { readFileSync, readdirSync } from 'node:fs';

/** Resident memory (MB) of the largest Chromium renderer under the browser started with `profileDir`. */
export function rendererRssMb(profileDir: string): number {
  const procs = new Map<number, { ppid: number; cmd: string }>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      procs.set(Number(d), { ppid, cmd: readFileSync(`/proc/${d}/cmdline`, 'utf8').replaceAll('\0', ' ') });
    } catch {
      /* gone */
    }
  }
  const browser = [...procs].find(([, p]) => p.cmd.includes(profileDir) && !p.cmd.includes('--type='))?.[0];
  if (browser === undefined) return -1;
  const under = (pid: number): boolean => {
    for (let p = procs.get(pid)?.ppid; p; p = procs.get(p)?.ppid) if (p === browser) return true;
    return false;
  };
  let best = -1;
  for (const [pid, p] of procs) {
    if (!p.cmd.includes('--type=renderer') || !under(pid)) continue;
    try {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
      best = Math.max(best, kb / 1024);
    } catch {
      /* gone */
    }
  }
  return Math.round(best);
}
