/**
 * Cost bands as an ordered dimension. Labels are the dashboard's; order lets
 * charts sort 0 < 5百万未満 < … < 5億以上 instead of alphabetically.
 */
export const COST_BANDS = ['0', '5百万未満', '5百万-1千万', '1千万-3千万', '3千万-5千万', '5千万-1億', '1億-5億', '5億以上'] as const;
export type CostBand = (typeof COST_BANDS)[number];

export function bandOrder(label: string): number | undefined {
  const i = (COST_BANDS as readonly string[]).indexOf(label);
  return i < 0 ? undefined : i;
}
