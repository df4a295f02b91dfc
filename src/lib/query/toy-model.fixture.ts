import type { SemanticModel } from '../model/types';

/**
 * A toy star schema for the compiler's tests, unrelated to any survey (the compiler must not
 * know the domain): sales of shops in cities, and the lines of each sale. Tests create the
 * tables they need in DuckDB themselves.
 */
export const toyModel: SemanticModel = {
  name: 'toy', label: 'toy',
  tables: [
    { name: 'sale', label: 'sale', description: '', columns: [
      { name: 'id', label: 'id', type: 'integer' }, { name: 'shop', label: 'shop', type: 'string' },
      { name: 'day', label: 'day', type: 'integer' }, { name: 'amount', label: 'amount', type: 'integer' }] },
    { name: 'shop', label: 'shop', description: '', columns: [
      { name: 'code', label: 'code', type: 'string' }, { name: 'city', label: 'city', type: 'string' }] },
    { name: 'line', label: 'line', description: '', columns: [
      { name: 'sale_id', label: 'sale', type: 'integer' }, { name: 'item', label: 'item', type: 'string' }] }
  ],
  relationships: [
    { from: { table: 'sale', column: 'shop' }, to: { table: 'shop', column: 'code' } },
    { from: { table: 'line', column: 'sale_id' }, to: { table: 'sale', column: 'id' } }
  ],
  measures: [
    { name: 'sales', label: 'sales', table: 'sale', sql: 'count(*)', format: 'count', description: '' },
    { name: 'shops', label: 'shops', table: 'sale', sql: 'count(DISTINCT "sale"."shop")', format: 'count', description: '' },
    { name: 'total', label: 'total', table: 'sale', sql: 'sum("sale"."amount")::INTEGER', format: 'integer', description: '' },
    { name: 'items', label: 'items', table: 'line', sql: 'count(DISTINCT "line"."item")', format: 'count', description: '' }
  ],
  slicers: []
};
