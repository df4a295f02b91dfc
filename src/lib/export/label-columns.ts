import { Table, type Vector } from 'apache-arrow';

/** The same columns under human labels (a repeated label keeps its column name in brackets). */
export function labelColumns(table: Table, label: (column: string) => string): Table {
  const seen = new Set<string>();
  const vectors: Record<string, Vector> = {};
  table.schema.fields.forEach((f, j) => {
    let name = label(f.name) || f.name;
    if (seen.has(name)) name = `${name}（${f.name}）`;
    seen.add(name);
    vectors[name] = table.getChildAt(j)!;
  });
  return new Table(vectors);
}
