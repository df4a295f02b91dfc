import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

/** A running local HTTP server and every request it received (method and path). */
export interface Recorded {
  url: string;
  hits: string[];
  close(): Promise<void>;
}

async function listen(server: Server, hits: string[]): Promise<Recorded> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, hits, close: () => new Promise((r) => server.close(() => r())) };
}
const line = (req: IncomingMessage) => `${req.method} ${req.url}`;

/**
 * The built site served the way a plain nginx/Apache/IIS/file-share would: the files and
 * their MIME types, **no Content-Security-Policy or any other security header**, no SPA fallback.
 */
export function plainSite(dir = process.env.BUILD_DIR ?? 'build'): Promise<Recorded> {
  const hits: string[] = [];
  const files = sirv(dir, { extensions: ['html'], dev: false });
  const server = createServer((req, res) => {
    hits.push(line(req));
    files(req, res, () => {
      res.statusCode = 404;
      res.end('not found');
    });
  });
  return listen(server, hits);
}

/**
 * Another origin that records every request and answers each one with a CSV, open to any
 * origin (CORS *), as a hostile or careless remote host would: if anything reaches it, it leaked.
 */
export function trapServer(): Promise<Recorded> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(line(req));
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', '*');
    res.setHeader('Access-Control-Allow-Methods', '*');
    res.setHeader('Content-Type', 'text/csv');
    res.end('a,b\n1,2\n');
  });
  return listen(server, hits);
}
