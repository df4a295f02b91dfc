import type { CompileResult } from './spec';

/**
 * The page shown of a list read a page at a time through SQL (LIMIT/OFFSET). It is keyed by
 * the list's first page (its SQL text): whatever changes that text — a filter, a sort — puts
 * the list back on its first page; moving to another page, or anything the list does not
 * read (e.g. a click in the list itself), keeps it. State derived from the query, not reset
 * by an effect.
 */
export class PageIndex {
  readonly #firstPage: () => CompileResult;
  #key = $derived.by(() => {
    const first = this.#firstPage();
    return first.ok ? first.sql : first.error;
  });
  /** From 0; assign to move to another page. */
  value = $derived.by(() => {
    void this.#key;
    return 0;
  });

  constructor(firstPage: () => CompileResult) {
    this.#firstPage = firstPage;
  }
}
