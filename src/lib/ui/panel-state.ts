/**
 * What a visual shows, from its query's state: its rows; 集計中 (no rows yet and its query is
 * pending: not an answer, never said to be empty); that no row matches (the query answered with
 * none); or only its error (an error is said on its own; its old rows, if any, stay drawn).
 */
export type PanelState = 'rows' | 'counting' | 'empty' | 'failed';

export function panelState(rows: number, pending: boolean, error: string | null): PanelState {
  if (rows > 0) return 'rows';
  if (error) return 'failed';
  return pending ? 'counting' : 'empty';
}

/** A visual's words for no matching row, unless its page names what it counts. */
export const NO_ROWS = '条件に合うデータはありません。フィルターを変えるか、解除してください。';

/** What a figure or list shows while it is being counted (not an answer: never 0, 「-」 or 「0件」). */
export const COUNTING_TEXT = '集計中…';

/** A visual's sentence for screen readers while its figures are being counted (not an answer). */
export const countingSummary = (title: string): string => `${title}。集計中。`;

/** The visual's sentence for screen readers: the page's summary of its rows, else what `shows` means. */
export function panelSummary(shows: PanelState, title: string, summary: string, empty: string): string {
  if (shows === 'rows') return summary;
  if (shows === 'counting') return countingSummary(title);
  return shows === 'empty' ? `${title}。${empty}` : `${title}。`;
}
