/**
 * Replace the output directory only after everything was written and checked.
 * A failed build leaves the previous static/data untouched; a directory rename
 * is atomic on one filesystem, so the site never sees a half-written set.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export function makeStagingDir(target: string): string {
  mkdirSync(dirname(target), { recursive: true });
  return mkdtempSync(join(dirname(target), `.${basename(target)}.staging-`));
}

export function swapInto(staging: string, target: string): void {
  if (existsSync(target)) {
    // Keep files we do not produce (e.g. a .gitkeep someone added) across the swap.
    const ours = new Set(readdirSync(staging));
    for (const f of readdirSync(target)) if (!ours.has(f)) cpSync(join(target, f), join(staging, f), { recursive: true });
    const old = `${staging}.old`;
    renameSync(target, old);
    try {
      renameSync(staging, target);
    } catch (e) {
      // Put the previous files back so a failed swap never leaves the site without data.
      renameSync(old, target);
      throw e;
    }
    rmSync(old, { recursive: true, force: true });
  } else {
    renameSync(staging, target);
  }
}

export function discardStaging(staging: string): void {
  rmSync(staging, { recursive: true, force: true });
}
