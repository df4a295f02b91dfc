/**
 * A JSON value as the difference from another: the paths whose values differ, each with its
 * new value. Used to ship many compiled Vega specs that differ only in a few numbers (one
 * chart at several widths) as one base spec and short patches. Pure; `applyPatch(a,
 * diffJson(a, b))` equals `b` for any JSON values `a`, `b` (property-tested).
 */
export type JsonPath = (string | number)[];
export type JsonPatch = [path: JsonPath, value: unknown][];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

export function diffJson(a: unknown, b: unknown, path: JsonPath = [], out: JsonPatch = []): JsonPatch {
  if (a === b) return out;
  if (!isObject(a) || !isObject(b) || Array.isArray(a) !== Array.isArray(b)) {
    out.push([path, b]);
    return out;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) out.push([path, b]);
    else a.forEach((v, i) => diffJson(v, b[i], [...path, i], out));
    return out;
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  // Another key set (or order, which JSON.stringify and so the cache key would see): replace whole.
  if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) out.push([path, b]);
  else for (const k of ka) diffJson(a[k], b[k], [...path, k], out);
  return out;
}

/** A fresh copy of `base` with the patch applied (neither argument is modified). */
export function applyPatch<T>(base: T, patch: JsonPatch): T {
  let root: unknown = structuredClone(base);
  for (const [path, value] of patch) {
    const copy = structuredClone(value);
    if (path.length === 0) {
      root = copy;
      continue;
    }
    let node = root as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
    node[path[path.length - 1]!] = copy;
  }
  return root as T;
}
