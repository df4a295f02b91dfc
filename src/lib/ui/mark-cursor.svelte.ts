/**
 * Keyboard access to a chart's marks: ←/→/↑/↓ move between marks, Home/End jump,
 * Enter/Space select (Shift/Ctrl adds), Esc leaves the rest to the page. The chart shows
 * the current mark outlined; a live region reads it out.
 */
export class MarkCursor {
  index = $state(-1);

  keydown(e: KeyboardEvent, count: number, select: (index: number, additive: boolean) => void): void {
    if (count === 0) return;
    const last = count - 1;
    const moves: Record<string, number> = {
      ArrowDown: Math.min(this.index + 1, last),
      ArrowRight: Math.min(this.index + 1, last),
      ArrowUp: Math.max(this.index - 1, 0),
      ArrowLeft: Math.max(this.index - 1, 0),
      Home: 0,
      End: last
    };
    if (e.key in moves) {
      this.index = moves[e.key]!;
      e.preventDefault();
    } else if ((e.key === 'Enter' || e.key === ' ') && this.index >= 0 && this.index <= last) {
      select(this.index, e.shiftKey || e.ctrlKey || e.metaKey);
      e.preventDefault();
    }
  }

  /** Keeps the cursor on a mark that still exists after the rows change. */
  clamp(count: number): void {
    if (this.index >= count) this.index = count - 1;
  }
}
