import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discardStaging, makeStagingDir, swapInto } from './swap-dir.js';

const root = mkdtempSync(join(tmpdir(), 'kyodo-swap-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('swapInto', () => {
  it('creates the target, then replaces our files and keeps foreign ones', () => {
    const target = join(root, 'data');
    const s1 = makeStagingDir(target);
    writeFileSync(join(s1, 'case.parquet'), 'v1');
    swapInto(s1, target);
    writeFileSync(join(target, '.gitkeep'), '');
    const s2 = makeStagingDir(target);
    writeFileSync(join(s2, 'case.parquet'), 'v2');
    swapInto(s2, target);
    expect(readFileSync(join(target, 'case.parquet'), 'utf8')).toBe('v2');
    expect(existsSync(join(target, '.gitkeep'))).toBe(true);
    expect(readdirSync(root)).toEqual(['data']);
  });
  it('discarding a staging dir leaves the target untouched', () => {
    const target = join(root, 'data');
    const s = makeStagingDir(target);
    mkdirSync(join(s, 'x'));
    discardStaging(s);
    expect(readFileSync(join(target, 'case.parquet'), 'utf8')).toBe('v2');
    expect(readdirSync(root)).toEqual(['data']);
  });
});
