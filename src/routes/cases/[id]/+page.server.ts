import { error } from '@sveltejs/kit';
import { dataset } from '$model/dataset';
import { initialFigures } from '$lib/query/initial-figures';
import { casePageLimit, pagedCaseIdsQuery } from './case-pages';
import { caseQuery, participantsQuery, subsidiesQuery } from './detail-queries';

/**
 * One static page per case, written at build time from the same model and SQL: the
 * detail reads instantly and works even where DuckDB-WASM cannot start. Large (scaled)
 * datasets get pages for their first cases only (case-pages.ts).
 */
export async function entries() {
  const { ids } = await initialFigures(dataset, 'static/data', { ids: pagedCaseIdsQuery(casePageLimit()) });
  return ids.rows.map((r) => ({ id: String(r.case_id) }));
}

export async function load({ params }) {
  const f = await initialFigures(dataset, 'static/data', {
    case: caseQuery(params.id),
    participants: participantsQuery(params.id),
    subsidies: subsidiesQuery(params.id)
  });
  const row = f.case.rows[0];
  if (!row) error(404, `事例 ${params.id} はありません`);
  return { case: row, participants: f.participants.rows, subsidies: f.subsidies.rows };
}
