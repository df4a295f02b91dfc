import { defineConfig } from 'vitest/config';
import { slowFirst } from './support/slow-first';

// End-to-end tests: the built site (build/) served by scripts/serve.js, driven in Debian's Chromium.
const root = new URL('..', import.meta.url).pathname;

/**
 * The file whose assertions bound a time measured in the page tightly (a cancel within a
 * second, a scroll step's median under 150 ms): run alone, after the rest, so no other file's
 * engine start shares the two cores with it. (huge-value's bound, a frame gap under 3 s where
 * 33 ms are measured, and performance's, ten times what the bench measures, hold beside
 * another file: they run with the rest.)
 */
const TIMED = ['tests/console.e2e.ts'];
/**
 * The rest run two files at a time (E2E_WORKERS=1: one at a time). Both cores were busy for
 * most of a serial run, but not all of it (polls, downloads, the oracle in Node, idle waits):
 * 644–689 s serial against 554 s two at a time here (docs/performance.md, "Test suite time,
 * fourth pass"). The slowest files start first, or one would run alone at the end.
 */
const workers = Number(process.env.E2E_WORKERS ?? 2);

export default defineConfig({
  // The same aliases SvelteKit sets, so tests can compile the pages' queries as the oracle.
  resolve: { alias: { $lib: `${root}src/lib`, $model: `${root}model`, $sql: `${root}sql` } },
  test: {
    root,
    globalSetup: ['tests/support/global-setup.ts'],
    maxWorkers: workers,
    sequence: { sequencer: slowFirst(['tests/random-states.e2e.ts', 'tests/faults.e2e.ts', 'tests/own-data-dashboard.e2e.ts']) },
    testTimeout: 60000,
    // A selection reaches the address after the paint (idle callback); on a loaded shared machine
    // the map's redraw can hold that past expect.poll's 1 s default (seen in participation.e2e).
    expect: { poll: { timeout: 10000 } },
    hookTimeout: 60000,
    projects: [
      { extends: true, test: { name: 'e2e', include: ['tests/**/*.e2e.ts'], exclude: TIMED, fileParallelism: workers > 1, sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: 'e2e-timed', include: TIMED, fileParallelism: false, sequence: { groupOrder: 1 } } }
    ]
  }
});
