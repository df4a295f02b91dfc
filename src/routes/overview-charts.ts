import { barSpec } from '$lib/charts/bar-spec';
import { CHART_COLORS } from '$model/theme';
import { fieldTitle, measureTitle } from './measures';
import { DIVISIONS } from '$model/kyodo-model';

/** Chart specs of the overview page. Colours: the Digital Agency's Power BI theme (model/theme.ts). */
/** Plot width and label room for the space a chart gets (phones get shorter labels). */
const fit = (available: number, labels: number, max: number) => {
  const labelLimit = available < 520 && labels > 100 ? Math.round(labels * 0.65) : labels;
  return { labelLimit, width: Math.max(120, Math.min(max, available - labelLimit - 60)) };
};

export const systemSpec = (w: number) => barSpec({
  category: 'system_name',
  categoryTitle: fieldTitle('system.system_name'),
  value: 'case_count',
  valueTitle: measureTitle('case_count'),
  sortBy: 'system_order',
  group: { field: 'division', values: DIVISIONS },
  threshold: { at: 20, above: '20事例以上のシステム', below: '20事例未満のシステム', colors: [CHART_COLORS[0], CHART_COLORS[2]] },
  ...fit(w, 230, 420)
});

export const prefectureSpec = (w: number) => barSpec({
  category: 'prefecture_name',
  categoryTitle: fieldTitle('prefecture.prefecture_name'),
  value: 'case_count',
  valueTitle: measureTitle('case_count'),
  sortBy: 'prefecture_code',
  color: CHART_COLORS[1],
  ...fit(w, 70, 360)
});

export const yearSpec = (w: number) => barSpec({
  category: 'start_year',
  categoryTitle: fieldTitle('cases.start_year'),
  value: 'case_count',
  valueTitle: measureTitle('case_count'),
  sortBy: 'start_year',
  color: CHART_COLORS[0],
  horizontal: false,
  width: Math.max(200, Math.min(480, w - 60))
});
