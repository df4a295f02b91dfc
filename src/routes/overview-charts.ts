import { barSpec } from '$lib/charts/bar-spec';
import { CHART_COLORS } from '$model/theme';
import { DIVISIONS } from '$model/kyodo-model';

/** Chart specs of the overview page. Colours: the Digital Agency's Power BI theme (model/theme.ts). */
export const systemSpec = barSpec({
  category: 'system_name',
  categoryTitle: 'システム名',
  value: 'case_count',
  valueTitle: '事例件数',
  sortBy: 'system_order',
  group: { field: 'division', values: DIVISIONS },
  threshold: { at: 20, above: '20事例以上のシステム', below: '20事例未満のシステム', colors: [CHART_COLORS[0], CHART_COLORS[2]] },
  width: 380
});

export const prefectureSpec = barSpec({
  category: 'prefecture_name',
  categoryTitle: '都道府県',
  value: 'case_count',
  valueTitle: '事例件数',
  sortBy: 'prefecture_code',
  color: CHART_COLORS[1],
  width: 300
});

export const yearSpec = barSpec({
  category: 'start_year',
  categoryTitle: '導入年',
  value: 'case_count',
  valueTitle: '事例件数',
  sortBy: 'start_year',
  color: CHART_COLORS[0],
  horizontal: false,
  width: 360
});
