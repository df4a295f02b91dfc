import type { Row } from '$lib/db/types';
import { answerText, man, sen } from '../../answer';

/** A field of the published case detail: its label, how it reads, and its base name (for provenance). */
export interface DetailField {
  name: string;
  label: string;
  text: (r: Row) => string;
}

const a = (name: string, label: string, format?: (v: unknown) => string, stateName = `${name}_state`): DetailField => ({
  name,
  label,
  text: (r) => answerText(r[name], r[stateName], format)
});

export const SECTIONS: { title: string; fields: DetailField[] }[] = [
  {
    title: 'システム・費用の基本情報',
    fields: [
      a('environment', 'システム環境種別'),
      { name: 'start', label: '導入時期', text: (r) => String(r.start_display ?? '') },
      a('pref_adoption', '都道府県への導入'),
      a('pref_burden', '都道府県の負担'),
      a('participant_count', '参加自治体数', (v) => `${v}団体`),
      a('participant_population', '参加自治体人口数', man),
      a('participant_staff', '参加自治体職員数', sen),
      a('subsidy', '補助金'),
      { name: 'initial_cost_band', label: '初期費用の規模', text: (r) => String(r.initial_cost_band ?? '') },
      { name: 'annual_cost_band', label: '年間運用の規模', text: (r) => String(r.annual_cost_band ?? '') },
      a('cost_basis', '費用按分の基準'),
      a('initial_cost_breakdown', '初期費用 内訳'),
      a('annual_cost_breakdown', '年間運用費用 内訳'),
      a('burden_basis_text', '費用負担額の算定基準')
    ]
  },
  {
    title: '調達の基本情報',
    fields: [a('department', '担当部署'), a('contact', '連絡先'), a('selection_method', '事業者選定方法')]
  },
  { title: '実施主体', fields: [a('spec_by', '仕様書策定'), a('selection_by', '事業者選定'), a('contract_by', '契約締結')] },
  { title: '資料提供の可否', fields: [a('doc_bid_guide', '入札説明書'), a('doc_spec', '仕様書'), a('doc_criteria', '評価基準')] }
];

export const TEXT_SECTIONS: DetailField[] = [
  a('background', '調達の経緯'),
  a('effect', '調達の効果'),
  a('process', '共同調達の作業プロセス'),
  a('challenges', '調達の課題')
];

/** Whether a field of this case is synthetic: the whole row is, or the published row lists it. */
export function isSynthetic(r: Row, name: string): boolean {
  if (r.provenance === 'synthetic') return true;
  return String(r.synthetic_fields ?? '').split(',').includes(name);
}
