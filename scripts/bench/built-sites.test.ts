import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planSites } from './built-sites';

const build = resolve('build');
const has = (...dirs: string[]) => (d: string) => dirs.includes(d);

describe('what the bench does about the sites it is asked to serve', () => {
  it('serves them when every folder holds a built site', () => {
    expect(planSites([build], false, has(build))).toEqual({ kind: 'ready' });
    expect(planSites(['/a', '/b'], true, has('/a', '/b'))).toEqual({ kind: 'ready' });
  });

  it('builds build/ first on a clean clone, when no folder was named', () => {
    expect(planSites([build], false, has())).toEqual({ kind: 'build' });
  });

  it('never builds a folder named with --build: it stops and names what is missing', () => {
    const plan = planSites([build, '/tmp/before'], true, has(build));
    expect(plan.kind).toBe('error');
    expect(plan.kind === 'error' && plan.message).toContain('/tmp/before');
    expect(plan.kind === 'error' && plan.message).not.toContain(`${build},`);
    expect(planSites([build], true, has()).kind).toBe('error');
  });
});
