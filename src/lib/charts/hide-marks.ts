import type { Spec } from 'vega';

/**
 * Sets `aria: false` on the named marks of a compiled Vega spec (at any depth). Vega-Lite
 * generates some marks, such as an interval brush's rectangles, without a way to describe
 * them; hidden, they no longer appear to assistive technology as unnamed graphics.
 */
export function hideMarks(spec: Spec, names: readonly string[]): Spec {
  const visit = (node: { marks?: unknown[] }) => {
    for (const m of (node.marks ?? []) as { name?: string; aria?: boolean; marks?: unknown[] }[]) {
      if (m.name && names.includes(m.name)) m.aria = false;
      visit(m);
    }
  };
  visit(spec as { marks?: unknown[] });
  return spec;
}
