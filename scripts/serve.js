// Serves the built static site (build/) the way a careful intranet web server would:
// the headers of docs/deploying.md on every response, no SPA fallback (DuckDB must get a
// 404 for any extension path, never index.html), and nothing but local files.
//   node scripts/serve.js [--port 4173] [--dir build]
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createSiteHandler } from './site-server.js';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const dir = resolve(opt('dir', 'build'));
const port = Number(opt('port', process.env.PORT ?? 4173));
if (!existsSync(join(dir, 'index.html'))) {
  console.error(`${dir}/index.html がありません。先に npm run build を実行してください (build the site first).`);
  process.exit(1);
}

const server = createServer(createSiteHandler(dir));
server.listen(port, '127.0.0.1', () => {
  const { port: actual } = server.address();
  console.log(`ダッシュボード: http://localhost:${actual}/`);
});
