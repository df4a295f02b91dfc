import type { IncomingMessage, ServerResponse } from 'node:http';

export const BASE_POLICY: string;
export const PAGE_POLICY: string;
export function siteHeaders(dir: string, pathname: string): Record<string, string>;
export function createSiteHandler(
  dir: string,
  opts?: { gzipOnTheFly?: boolean; onRequest?: (req: IncomingMessage) => void; recheckMs?: number }
): (req: IncomingMessage, res: ServerResponse) => void;
