import { defineConfig } from 'vitest/config';

// End-to-end tests: the built site (build/) served by scripts/serve.js, driven in Debian's Chromium.
const root = new URL('..', import.meta.url).pathname;

export default defineConfig({
  // The same aliases SvelteKit sets, so tests can compile the pages' queries as the oracle.
  resolve: { alias: { $lib: `${root}src/lib`, $model: `${root}model`, $sql: `${root}sql` } },
  test: {
    root,
    include: ['tests/**/*.e2e.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60000,
    // A selection reaches the address after the paint (idle callback); on a loaded shared machine
    // the map's redraw can hold that past expect.poll's 1 s default (seen in participation.e2e).
    expect: { poll: { timeout: 10000 } },
    hookTimeout: 60000
  }
});
