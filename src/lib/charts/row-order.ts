import type { Spec } from 'vega';

/** The field table-sync.ts gives each tuple it owns: the row's position in the rows the chart was given. */
export const ROW = '_row';

type Node = { data?: { name: string; source?: string | string[] }[]; marks?: MarkNode[] };
type MarkNode = Node & { from?: { data?: string; facet?: { name: string; data: string } }; sort?: unknown };

/**
 * Draws the marks of the rows (those of data set `table` and the data derived from it) in
 * the rows' order, whatever order Vega holds their items in: a row that a filter lets into a
 * panel only after an in-place change (table-sync.ts) would otherwise come last in the SVG,
 * and so in a screen reader's reading order, where a chart given the rows afresh has it in
 * place. Also inside the cells of a faceted chart (their marks draw from the facet). Marks that
 * already sort, and marks of other data (a map's outline), are left alone.
 * Modifies and returns the compiled Vega spec (like hide-marks.ts).
 */
export function keepRowOrder(spec: Spec, table: string): Spec {
  const derived = new Set([table]);
  const sources: [string, string[]][] = [];
  const collect = (node: Node) => {
    for (const d of node.data ?? []) if (d.source) sources.push([d.name, [d.source].flat()]);
    for (const m of node.marks ?? []) {
      // A faceted group (one cell per group value): its marks draw from the facet's name.
      if (m.from?.facet) sources.push([m.from.facet.name, [m.from.facet.data]]);
      collect(m);
    }
  };
  collect(spec as Node);
  for (let grown = true; grown; ) {
    grown = false;
    for (const [name, from] of sources) {
      if (derived.has(name) || !from.some((s) => derived.has(s))) continue;
      derived.add(name);
      grown = true;
    }
  }
  const visit = (node: Node) => {
    for (const m of node.marks ?? []) {
      if (m.from?.data && derived.has(m.from.data) && !m.sort) m.sort = { field: `datum.${ROW}` };
      visit(m);
    }
  };
  visit(spec as Node);
  return spec;
}
