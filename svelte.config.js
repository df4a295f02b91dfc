import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    // BUILD_DIR / KIT_OUT let two builds run side by side (e.g. a developer and CI on one machine).
    adapter: adapter({ pages: process.env.BUILD_DIR ?? 'build', assets: process.env.BUILD_DIR ?? 'build', fallback: undefined, strict: true }),
    outDir: process.env.KIT_OUT ?? '.svelte-kit',
    // Relative asset paths let the build be hosted under any sub-path (e.g. an LGWAN intranet folder).
    paths: { relative: true },
    alias: { $model: 'model', $sql: 'sql' },
    // Hash mode: SvelteKit's own inline bootstrap gets a sha256 in a <meta> CSP, so no 'unsafe-inline' for scripts.
    csp: {
      mode: 'hash',
      directives: {
        'default-src': ['self'],
        'script-src': ['self', 'wasm-unsafe-eval'],
        'worker-src': ['self', 'blob:'],
        'connect-src': ['self'],
        'img-src': ['self', 'data:', 'blob:'],
        'font-src': ['self'],
        'style-src': ['self', 'unsafe-inline'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self']
      }
    }
  }
};

export default config;
