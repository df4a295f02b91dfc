import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** What the bench must do before serving `dirs`: nothing, build the default site, or stop with a message. */
export type SitePlan = { kind: 'ready' } | { kind: 'build' } | { kind: 'error'; message: string };

/**
 * A clean clone has no build/ yet: `npm run bench` (no --build) builds it first, as the README's
 * quick start promises. A folder named with --build is never built behind the user's back: a
 * missing one stops the bench with a message that says how to make it.
 */
export function planSites(dirs: string[], named: boolean, built: (dir: string) => boolean, defaultDir = resolve('build')): SitePlan {
  const missing = dirs.filter((d) => !built(d));
  if (missing.length === 0) return { kind: 'ready' };
  if (!named && missing.length === 1 && missing[0] === defaultDir) return { kind: 'build' };
  return {
    kind: 'error',
    message: `bench: no built site in ${missing.join(', ')} (index.html missing). Build it first, e.g. \`npm run build\`, or \`BUILD_DIR=<folder> npm run build\` for a second build to compare.`
  };
}

/** A built site is a folder with the prerendered overview. */
export const isBuilt = (dir: string) => existsSync(join(dir, 'index.html'));

/** Carries out `planSites`: builds build/ (output shown) or exits with the message. */
export function ensureBuilt(dirs: string[], named: boolean): void {
  const plan = planSites(dirs, named, isBuilt);
  if (plan.kind === 'build') {
    console.log('bench: build/ holds no built site yet; running `npm run build` first');
    execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
  } else if (plan.kind === 'error') {
    console.error(plan.message);
    process.exit(2);
  }
}
