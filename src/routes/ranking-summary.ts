import type { Row } from '$lib/db/types';
import { measure } from './measures';

/**
 * The screen-reader sentence of a ranked bar chart: its title, the measure's total (with the
 * model's unit) and the three largest marks. Label, unit and title come from the page
 * declaration and the model; a page never types them.
 */
export function rankingSummary(
  title: string,
  rows: Row[],
  labelKey: string,
  measureName: string,
  opts: { total?: boolean; count?: string; /** Words after each mark's label, e.g. 年 after a year. */ labelUnit?: string } = {}
): string {
  const unit = measure(measureName).unit ?? '';
  const value = (r: Row) => Number(r[measureName] ?? 0);
  const parts = [title];
  if (opts.total) parts.push(`合計${rows.reduce((s, r) => s + value(r), 0)}${unit}`);
  if (opts.count) parts.push(`${rows.length}${opts.count}`);
  const top = [...rows].sort((a, b) => value(b) - value(a)).slice(0, 3);
  if (top.length > 0) parts.push(`多い順に${top.map((r) => `${String(r[labelKey] ?? '')}${opts.labelUnit ?? ''} ${value(r)}${unit}`).join('、')}`);
  return `${parts.join('。')}。`;
}
