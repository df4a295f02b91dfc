import { describe, expect, it } from 'vitest';
import { buildMatrix } from './matrix';

const systems = [
  { system_id: 'S01', division: '総務部門', system_name: '自治体情報セキュリティクラウド' },
  { system_id: 'S02', division: '総務部門', system_name: '電子契約システム' },
  { system_id: 'S04', division: '総務部門', system_name: 'その他システム' },
  { system_id: 'S05', division: '事業部門', system_name: '校務支援システム' }
];

describe('buildMatrix', () => {
  it('marks prefectures with a case, counts prefectures, spans divisions and drops その他システム', () => {
    const m = buildMatrix(
      systems,
      [{ system_id: 'S01', prefecture_code: '01', case_count: 2 }, { system_id: 'S02', prefecture_code: '13', case_count: 1 }, { system_id: 'S04', prefecture_code: '01', case_count: 1 }],
      [{ system_id: 'S01', prefecture_count: 44 }, { system_id: 'S02', prefecture_count: 6 }]
    );
    expect(m.map((r) => r.systemName)).toEqual(['自治体情報セキュリティクラウド', '電子契約システム', '校務支援システム']);
    expect(m.map((r) => r.divisionSpan)).toEqual([2, 0, 1]);
    expect(m.map((r) => r.prefectureCount)).toEqual([44, 6, 0]);
    expect([...m[0]!.has]).toEqual(['01']);
    expect(m[2]!.has.size).toBe(0);
  });
});
