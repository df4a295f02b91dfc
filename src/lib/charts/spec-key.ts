import type { TopLevelSpec } from 'vega-lite';

/**
 * The key under which a Vega-Lite spec's compiled Vega is stored: a 53-bit hash (cyrb53) of
 * its JSON text. The same spec function gives the same text at build time (Node) and in the
 * browser, so a spec compiled at build time is found again without shipping its text.
 */
export function specKey(spec: TopLevelSpec): string {
  const text = JSON.stringify(spec);
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
