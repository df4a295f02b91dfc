import type { Row } from '$lib/db/types';

/** 「その他システム」 groups unrelated systems; the published matrix leaves these rows out. */
export const OTHER_SYSTEM = 'その他システム';

export interface MatrixRow {
  systemId: string;
  division: string;
  systemName: string;
  /** How many rows of the same division follow this one (incl.), on the first row of a division; else 0. */
  divisionSpan: number;
  prefectureCount: number;
  /** Prefecture codes with at least one case. */
  has: Set<string>;
}

/** The system × prefecture matrix, in the published system order, without the その他 rows. */
export function buildMatrix(systems: readonly Row[], cells: readonly Row[], totals: readonly Row[]): MatrixRow[] {
  const rows = systems
    .filter((s) => s.system_name !== OTHER_SYSTEM)
    .map((s) => {
      const id = String(s.system_id);
      return {
        systemId: id,
        division: String(s.division),
        systemName: String(s.system_name),
        divisionSpan: 0,
        prefectureCount: Number(totals.find((t) => t.system_id === id)?.prefecture_count ?? 0),
        has: new Set(cells.filter((c) => c.system_id === id && Number(c.case_count) > 0).map((c) => String(c.prefecture_code)))
      };
    });
  for (let i = 0; i < rows.length; i++) {
    if (i > 0 && rows[i - 1]!.division === rows[i]!.division) continue;
    let n = 1;
    while (rows[i + n]?.division === rows[i]!.division) n++;
    rows[i]!.divisionSpan = n;
  }
  return rows;
}
