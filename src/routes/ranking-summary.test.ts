import { describe, expect, it } from 'vitest';
import { rankingSummary } from './ranking-summary';

const rows = [
  { name: 'A', case_count: 3 },
  { name: 'B', case_count: 10 },
  { name: 'C', case_count: 1 },
  { name: 'D', case_count: 7 }
];

describe('rankingSummary', () => {
  it('names the three largest marks with the measure unit from the model, largest first', () => {
    expect(rankingSummary('題', rows, 'name', 'case_count')).toBe('題。多い順にB 10件、D 7件、A 3件。');
  });
  it('adds the total and the number of marks when asked', () => {
    expect(rankingSummary('題', rows, 'name', 'case_count', { total: true, count: '都道府県' })).toBe('題。合計21件。4都道府県。多い順にB 10件、D 7件、A 3件。');
  });
  it('says only the title when there are no rows', () => {
    expect(rankingSummary('題', [], 'name', 'case_count', { total: true })).toBe('題。合計0件。');
  });
  it('puts a unit after each mark’s label when asked (a year reads 2021年)', () => {
    const years = [{ start_year: 2021, case_count: 41 }, { start_year: 2020, case_count: 12 }];
    expect(rankingSummary('導入時期', years, 'start_year', 'case_count', { labelUnit: '年' })).toBe('導入時期。多い順に2021年 41件、2020年 12件。');
  });
});
