import { defineConfig } from 'vitest/config';
import { slowFirst } from './support/slow-first';

// End-to-end tests: the built site (build/) served by scripts/serve.js, driven in Debian's Chromium.
const root = new URL('..', import.meta.url).pathname;

/**
 * Files whose assertions bound a time measured in the page (cancel latency, frame gaps,
 * cross-filter latency): they run last, one at a time, with nothing else on the machine.
 */
const TIMED = ['tests/performance.e2e.ts', 'tests/console.e2e.ts', 'tests/huge-value.e2e.ts'];

export default defineConfig({
  // The same aliases SvelteKit sets, so tests can compile the pages' queries as the oracle.
  resolve: { alias: { $lib: `${root}src/lib`, $model: `${root}model`, $sql: `${root}sql` } },
  test: {
    root,
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 60000,
    // A selection reaches the address after the paint (idle callback); on a loaded shared machine
    // the map's redraw can hold that past expect.poll's 1 s default (seen in participation.e2e).
    expect: { poll: { timeout: 10000 } },
    hookTimeout: 60000,
    // Slowest first (measured; see docs/performance.md "Test suite time"), so two workers end together.
    sequence: { sequencer: slowFirst(['tests/random-states.e2e.ts', 'tests/own-data-dashboard.e2e.ts', 'tests/participation.e2e.ts', 'tests/systems.e2e.ts']) },
    projects: [
      {
        // E2E_WORKERS=2: two files at a time (each file has its own browser, profile, downloads
        // folder and ports). Not the default yet: its one full run here, on a machine at load
        // 25–30, timed out where the serial run did not (docs/performance.md, "Test suite time").
        extends: true,
        test: { name: 'e2e', include: ['tests/**/*.e2e.ts'], exclude: TIMED, maxWorkers: Number(process.env.E2E_WORKERS ?? 1), sequence: { groupOrder: 1 } }
      },
      {
        extends: true,
        test: { name: 'e2e-timed', include: TIMED, maxWorkers: 1, sequence: { groupOrder: 2 } }
      }
    ]
  }
});
