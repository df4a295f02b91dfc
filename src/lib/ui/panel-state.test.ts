import { describe, expect, it } from 'vitest';
import { NO_ROWS, panelState, panelSummary } from './panel-state';

describe('panelState', () => {
  it('shows rows whenever there are some, pending or failed (they stay drawn)', () => {
    expect(panelState(3, false, null)).toBe('rows');
    expect(panelState(1, true, null)).toBe('rows');
    expect(panelState(2, false, 'boom')).toBe('rows');
  });

  it('says a visual is empty only when its query answered with no row', () => {
    expect(panelState(0, false, null)).toBe('empty');
  });

  it('never says empty while the answer is pending, nor on an error', () => {
    expect(panelState(0, true, null)).toBe('counting');
    expect(panelState(0, false, 'boom')).toBe('failed');
    expect(panelState(0, true, 'boom')).toBe('failed');
  });
});

describe('panelSummary', () => {
  it("is the page's summary while there are rows", () => {
    expect(panelSummary('rows', '年別', '年別。2020年 3件。', NO_ROWS)).toBe('年別。2020年 3件。');
  });

  it('says the visual is counting or has no matching row, with its title, instead of a summary of nothing', () => {
    expect(panelSummary('counting', '年別', '年別。合計0件。', NO_ROWS)).toBe('年別。集計中。');
    expect(panelSummary('empty', '年別', '年別。合計0件。', '該当なし。')).toBe('年別。該当なし。');
    expect(panelSummary('failed', '年別', '年別。合計0件。', NO_ROWS)).toBe('年別。');
  });

  it('has a default wording in the style of the site: what is missing, then what to do', () => {
    expect(NO_ROWS).toMatch(/^条件に合う.+はありません。フィルターを変えるか、解除してください。$/);
  });
});
