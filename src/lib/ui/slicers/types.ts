import type { Scalar } from '../../sql/quote';

export interface SlicerOption {
  value: Scalar;
  label: string;
  /** Options with the same group are listed together under it, in first-seen order. */
  group?: string;
}

export function groupOptions(options: readonly SlicerOption[]): { group: string; options: SlicerOption[] }[] {
  const groups: { group: string; options: SlicerOption[] }[] = [];
  for (const o of options) {
    const name = o.group ?? '';
    let g = groups.find((x) => x.group === name);
    if (!g) groups.push((g = { group: name, options: [] }));
    g.options.push(o);
  }
  return groups;
}
