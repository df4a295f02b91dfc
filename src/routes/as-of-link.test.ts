import { describe, expect, it } from 'vitest';
import { asOfLinkNotice } from './as-of-link';

const NOW = '2024-01-31';

describe('asOfLinkNotice', () => {
  it('says nothing without asof or with the data’s own date', () => {
    expect(asOfLinkNotice(null, NOW)).toBeNull();
    expect(asOfLinkNotice('', NOW)).toBeNull();
    expect(asOfLinkNotice(NOW, NOW)).toBeNull();
  });

  it('names another date as the dashboard writes dates (2023年4月1日, not 2023-04-01)', () => {
    expect(asOfLinkNotice('2023-04-01', NOW)).toBe(
      'このリンクは2023年4月1日時点のデータで作成されました。現在表示しているのは2024年1月31日時点のデータです。数値が異なる場合があります。'
    );
  });

  it('never echoes a value that is no date (garbage, a 10,000-character value, 2023-02-30), and says it is ignored', () => {
    for (const bad of ['garbage', 'x'.repeat(10000), '2023-02-30', '2023-1-1', '<b>2023</b>']) {
      const text = asOfLinkNotice(bad, NOW)!;
      expect(text).toBe('このリンクのデータの時点（asof）は日付として読めないため、無視しています。現在表示しているのは2024年1月31日時点のデータです。');
    }
  });
});
