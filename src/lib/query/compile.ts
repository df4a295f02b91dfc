/**
 * The query compiler: (semantic model, query spec) → one SQL string.
 * Pure (Malloy's rule): no I/O, same input → same SQL, errors returned as data.
 *
 *   Parquet ─▶ views (sql/) ─▶ model (model/) ─▶ filter context ─▶ compile ─▶ SQL ─▶ rows ─▶ chart spec
 *
 *   1. resolve   measures → their fact tables; dimension and filter fields → model columns
 *   2. group     measures by fact table: one sub-query per fact (Power BI evaluates per table)
 *   2b. route    a fact's sub-query that a declared aggregation table covers reads that table
 *                instead (aggregation-route.ts); steps 3–5 below are then done there
 *   3. filter    each clause → a predicate (values quoted by sql/quote, never concatenated)
 *   4. join      the many-to-one path from the fact to every table a dimension or filter needs
 *   5. aggregate GROUP BY the dimensions
 *   6. stitch    the facts' sub-queries joined on the dimensions, then ORDER BY / LIMIT
 */
import { splitField, type MeasureDef, type SemanticModel } from '../model/types';
import { ident, qualified } from '../sql/quote';
import { aggregatedPart } from './aggregation-route';
import { fromClause } from './from-clause';
import { groupedSelect } from './grouped-select';
import { dimensionAlias, type CompileResult, type QuerySpec, type RowsSpec } from './spec';
import { checkFields, orderLimit } from './validate';
import { whereConditions } from './where-clause';

export function compileQuery(model: SemanticModel, spec: QuerySpec): CompileResult {
  const dims = spec.dimensions ?? [];
  const filters = spec.filters ?? [];
  // 1. resolve
  const measures: MeasureDef[] = [];
  for (const name of spec.measures) {
    const m = model.measures.find((x) => x.name === name);
    if (!m) return { ok: false, error: `メジャー「${name}」はモデルにありません (unknown measure)` };
    measures.push(m);
  }
  if (measures.length === 0) return { ok: false, error: 'メジャーが指定されていません (no measures)' };
  const bad = checkFields(model, [...dims, ...filters.map((f) => f.field)]);
  if (bad) return { ok: false, error: bad };
  const aliases = dims.map(dimensionAlias);
  const outputs = [...aliases, ...measures.map((m) => m.name)];
  // The dimensions identify a group: ties on the requested order keys are broken by them.
  const tail = orderLimit(spec, outputs, aliases);
  if (typeof tail !== 'string') return { ok: false, error: tail.error };

  // 2. group
  const facts = [...new Set(measures.map((m) => m.table))];
  const parts: string[] = [];
  for (const fact of facts) {
    // 2b. route
    const factMeasures = measures.filter((m) => m.table === fact);
    const routed = aggregatedPart(model, { fact, measures: factMeasures, dimensions: dims, filters, nonNullDimensions: spec.nonNullDimensions ?? false });
    if (routed) {
      parts.push(routed);
      continue;
    }
    // 3. filter
    const where = whereConditions(model, fact, filters);
    if ('error' in where) return { ok: false, error: where.error };
    if (spec.nonNullDimensions) where.conditions.push(...dims.map((d) => `${qualified(splitField(d).table, splitField(d).column)} IS NOT NULL`));
    // 4. join
    const from = fromClause(model, fact, [...dims.map((d) => splitField(d).table), ...where.joinTables]);
    if (typeof from !== 'string') return { ok: false, error: from.error };
    // 5. aggregate
    const select = [
      ...dims.map((d, i) => `${qualified(splitField(d).table, splitField(d).column)} AS ${ident(aliases[i]!)}`),
      ...factMeasures.map((m) => `${m.sql} AS ${ident(m.name)}`)
    ];
    parts.push(groupedSelect(select, from, where.conditions, dims.length));
  }
  // 6. stitch
  if (parts.length === 1) return { ok: true, sql: `${parts[0]}${tail}` };
  const ctes = parts.map((p, i) => `${ident(`f${i}`)} AS (\n${p}\n)`).join(',\n');
  const using = aliases.length ? ` USING (${aliases.map(ident).join(', ')})` : '';
  const joined = parts.slice(1).map((_, i) => (using ? `FULL JOIN ${ident(`f${i + 1}`)}${using}` : `CROSS JOIN ${ident(`f${i + 1}`)}`));
  const cols = outputs.map(ident).join(', ');
  return { ok: true, sql: `WITH ${ctes}\nSELECT ${cols} FROM ${ident('f0')} ${joined.join(' ')}${tail}` };
}

/** A detail listing of one table's rows, with columns of tables it reaches many-to-one. */
export function compileRows(model: SemanticModel, spec: RowsSpec): CompileResult {
  const filters = spec.filters ?? [];
  if (!model.tables.some((t) => t.name === spec.from)) return { ok: false, error: `テーブル「${spec.from}」はモデルにありません (unknown table)` };
  const bad = checkFields(model, [...spec.columns, ...filters.map((f) => f.field)]);
  if (bad) return { ok: false, error: bad };
  const aliases = spec.columns.map(dimensionAlias);
  if (new Set(aliases).size !== aliases.length) return { ok: false, error: '列名が重複しています (duplicate output column)' };
  const tail = orderLimit(spec, aliases);
  if (typeof tail !== 'string') return { ok: false, error: tail.error };
  const where = whereConditions(model, spec.from, filters);
  if ('error' in where) return { ok: false, error: where.error };
  const from = fromClause(model, spec.from, [...spec.columns.map((c) => splitField(c).table), ...where.joinTables]);
  if (typeof from !== 'string') return { ok: false, error: from.error };
  const select = spec.columns.map((c, i) => `${qualified(splitField(c).table, splitField(c).column)} AS ${ident(aliases[i]!)}`);
  const sql = [`SELECT ${select.join(', ')}`, from, where.conditions.length ? `WHERE ${where.conditions.join('\n  AND ')}` : '']
    .filter(Boolean).join('\n');
  return { ok: true, sql: `${sql}${tail}` };
}
