import { dataset } from '$model/dataset';
import { model } from '$model/kyodo-model';
import { compileRows } from '$lib/query/compile';
import { initialFigures } from '$lib/query/initial-figures';

/** Build time only: the small dimension tables every page needs for labels and slicers. */
export async function load() {
  const figures = await initialFigures(dataset, 'static/data', {
    systems: compileRows(model, {
      from: 'system',
      columns: ['system.system_id', 'system.division', 'system.system_name', 'system.system_order'],
      orderBy: [{ key: 'system_order' }]
    }),
    prefectures: compileRows(model, {
      from: 'prefecture',
      columns: ['prefecture.prefecture_code', 'prefecture.prefecture_name', 'prefecture.region', 'prefecture.region_order', 'prefecture.municipality_count'],
      orderBy: [{ key: 'prefecture_code' }]
    })
  });
  return { dims: { systems: figures.systems.rows, prefectures: figures.prefectures.rows } };
}
