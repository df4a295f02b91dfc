import { model } from '$model/kyodo-model';
import type { Clause } from '$lib/filter/clause';
import { compileRows } from '$lib/query/compile';
import type { CompileResult } from '$lib/query/spec';

const caseIs = (id: string): Clause => ({ source: 'detail', field: 'cases.case_id', predicate: { kind: 'in', values: [id] } });
const caseColumns = model.tables.find((t) => t.name === 'cases')!.columns.map((c) => `cases.${c.name}`);

/** Every field of one case, with its system and prefecture. */
export const caseQuery = (id: string): CompileResult =>
  compileRows(model, {
    from: 'cases',
    columns: [...caseColumns, 'system.division', 'system.system_name', 'prefecture.prefecture_name', 'prefecture.municipality_count'],
    filters: [caseIs(id)]
  });

/** Its participating municipalities, in local-government-code order. */
export const participantsQuery = (id: string): CompileResult =>
  compileRows(model, {
    from: 'participation',
    columns: ['participation.lg_code', 'participation.provenance', 'municipality.display_name'],
    filters: [caseIs(id)],
    orderBy: [{ key: 'lg_code' }]
  });

export const subsidiesQuery = (id: string): CompileResult =>
  compileRows(model, { from: 'case_subsidy', columns: ['case_subsidy.subsidy_name', 'case_subsidy.provenance'], filters: [caseIs(id)] });
