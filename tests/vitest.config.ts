import { defineConfig } from 'vitest/config';

// End-to-end tests: the built site (build/) served by scripts/serve.js, driven in Debian's Chromium.
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['tests/**/*.e2e.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60000,
    hookTimeout: 60000
  }
});
