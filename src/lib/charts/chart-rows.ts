import type { Row } from '../db/types';

/**
 * The contract between the panels (src/lib/ui) and the chart specs (this folder), written
 * down once: every spec reads its rows from the data set named TABLE, and each row carries,
 * besides its own fields,
 *   _selected  false → the mark fades (true for every row while its visual has no selection)
 *   _active    true  → the keyboard cursor is on the mark (outlined)
 *   _highlight true  → the mark is outlined for another reason (e.g. picked elsewhere)
 */
export const TABLE = 'table';
export const SELECTED = '_selected';
export const ACTIVE = '_active';
export const HIGHLIGHT = '_highlight';

export type ChartRow = Row & { _selected: boolean; _active?: boolean; _highlight?: boolean };

/** Vega expressions over the contract's flags. */
export const isSelected = `datum.${SELECTED}`;
export const isActive = `datum.${ACTIVE}`;
export const isHighlighted = `datum.${HIGHLIGHT}`;

/** The rows a chart gets: the query's rows with the contract's flags. */
export function chartRows(rows: readonly Row[], selected: (row: Row) => boolean, activeIndex = -1): ChartRow[] {
  return rows.map((r, i) => ({ ...r, [SELECTED]: selected(r), [ACTIVE]: i === activeIndex }) as ChartRow);
}
