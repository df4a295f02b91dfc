import { compileQuery } from '../query/compile';
import { ident, literal, qualified } from '../sql/quote';
import type { SemanticModel } from './types';

/** The schema holding the queryable model catalog (tables, columns, relationships, measures, slicers). */
export const CATALOG_SCHEMA = 'model_catalog';

/**
 * Documents a semantic model inside DuckDB itself: `COMMENT ON` for every view and column
 * (visible in duckdb_views()/duckdb_columns() and the console's autocomplete), plus a
 * `model_catalog` schema so a power user can list the measures with their SQL and re-run
 * any figure a page shows. Generated from the model (one source of truth); the committed
 * sql/catalog.sql is checked against this output by a unit test. `internalTables` are the
 * tables the views read (the dataset's loaded files), listed in model_catalog.internal_tables
 * with the model's aggregation tables (made at load; the compiler reads them, people need not).
 */
export function catalogSql(model: SemanticModel, internalTables: readonly string[] = []): string {
  const s = (v: string | null | undefined) => literal(oneLine(v ?? null));
  const t = (name: string) => `${ident(CATALOG_SCHEMA)}.${ident(name)}`;
  const values = (rows: string[][]) => rows.map((r) => `  (${r.join(', ')})`).join(',\n');
  const table = (name: string, comment: string, columns: string[], rows: string[][]) =>
    [
      `CREATE OR REPLACE TABLE ${t(name)} (${columns.join(', ')});`,
      rows.length ? `INSERT INTO ${t(name)} VALUES\n${values(rows)};` : '',
      `COMMENT ON TABLE ${t(name)} IS ${s(comment)};`
    ].filter(Boolean).join('\n');

  const out: string[] = [
    `-- Generated from the semantic model by src/lib/model/catalog-sql.ts: do not edit by hand.`,
    `-- Regenerate with: npx vitest run model/catalog.test.ts -u`,
    '',
    '-- Comments on the model views (DuckDB catalog: duckdb_views(), duckdb_columns()).'
  ];
  for (const tb of model.tables) {
    out.push(`COMMENT ON VIEW ${ident(tb.name)} IS ${s(`${tb.label}: ${tb.description}`)};`);
    for (const c of tb.columns) {
      out.push(`COMMENT ON COLUMN ${qualified(tb.name, c.name)} IS ${s(c.description ? `${c.label}: ${c.description}` : c.label)};`);
    }
  }
  out.push('', `CREATE SCHEMA IF NOT EXISTS ${ident(CATALOG_SCHEMA)};`, '');
  out.push(
    table('tables', 'モデルのテーブル（ビュー）', ['name VARCHAR', 'label VARCHAR', 'description VARCHAR'],
      model.tables.map((tb) => [s(tb.name), s(tb.label), s(tb.description)])),
    table('columns', 'モデルの列', ['table_name VARCHAR', 'name VARCHAR', 'label VARCHAR', 'type VARCHAR', 'description VARCHAR'],
      model.tables.flatMap((tb) => tb.columns.map((c) => [s(tb.name), s(c.name), s(c.label), s(c.type), s(c.description)]))),
    table('relationships', 'モデルのリレーションシップ（多対一）', ['from_table VARCHAR', 'from_column VARCHAR', 'to_table VARCHAR', 'to_column VARCHAR', 'active BOOLEAN'],
      model.relationships.map((r) => [s(r.from.table), s(r.from.column), s(r.to.table), s(r.to.column), literal(!r.inactive)])),
    table('measures', 'メジャー: 各ページの数値の定義。example_sql をそのまま実行すると全体の値が得られる',
      ['name VARCHAR', 'label VARCHAR', '"table" VARCHAR', 'sql VARCHAR', 'format VARCHAR', 'unit VARCHAR', 'description VARCHAR', 'example_sql VARCHAR'],
      model.measures.map((m) => {
        // Over the views, never an aggregation table: the SQL says what the measure means.
        const compiled = compileQuery({ ...model, aggregations: [] }, { measures: [m.name] });
        if (!compiled.ok) throw new Error(compiled.error);
        return [s(m.name), s(m.label), s(m.table), s(m.sql), s(m.format), s(m.unit), s(m.description), s(compiled.sql)];
      })),
    table('slicers', 'スライサー（ページの絞り込み条件）', ['name VARCHAR', 'label VARCHAR', 'field VARCHAR', 'label_field VARCHAR', 'kind VARCHAR', 'url_param VARCHAR'],
      model.slicers.map((sl) => [s(sl.name), s(sl.label), s(sl.field), s(sl.labelField), s(sl.kind), s(sl.param)])),
    // Said as data, so a catalog browser hides them without knowing how the dataset names its tables.
    table('internal_tables', 'モデルのビューが読む元テーブルと集計テーブル（直接使わない。一覧では隠してよい）', ['name VARCHAR'],
      [...internalTables, ...(model.aggregations ?? []).map((a) => a.name)].map((n) => [s(n)]))
  );
  return `${out.join('\n')}\n`;
}

/**
 * The setup script is split on `;` at line ends and drops lines starting with `--`
 * (sql/split-statements), so a text value must not span lines: newlines become spaces.
 */
function oneLine(v: string | null): string | null {
  return v === null ? null : v.replace(/\s*\n\s*/g, ' ');
}
