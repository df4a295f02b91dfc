import { describe, expect, it } from 'vitest';
import { barSpec } from './bar-spec';
import { chartRows, isSelected, TABLE } from './chart-rows';
import { donutSpec } from './donut-spec';
import { histogramSpec } from './histogram-spec';

describe('the chart row contract', () => {
  it('marks selection and the keyboard cursor on copies of the rows', () => {
    const rows = [{ k: 'a' }, { k: 'b' }];
    expect(chartRows(rows, (r) => r.k === 'b', 0)).toEqual([
      { k: 'a', _selected: false, _active: true },
      { k: 'b', _selected: true, _active: false }
    ]);
    expect(rows[0]).toEqual({ k: 'a' });
  });
  it('is what every spec reads: data set TABLE, fading on _selected', () => {
    const specs = [
      barSpec({ category: 'k', categoryTitle: 'K', value: 'n', valueTitle: 'N', color: '#000' }),
      donutSpec({ category: 'k', categoryTitle: 'K', value: 'n', valueTitle: 'N', share: 's', domain: ['a'], colors: ['#000'] }),
      histogramSpec({ field: 'y', fieldTitle: 'Y', value: 'n', valueTitle: 'N', color: '#000', brush: 'b' })
    ];
    for (const s of specs) {
      expect((s as { data: { name: string } }).data.name).toBe(TABLE);
      expect(JSON.stringify(s)).toContain(isSelected);
    }
  });
});
