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
    hookTimeout: 60000
  }
});
