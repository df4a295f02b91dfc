/**
 * Short, generic free texts for synthetic rows. Each starts with 【合成】 so no
 * reader mistakes it for a municipality's own words.
 */
import type { Rng } from '../prng.js';

export const SYNTHETIC_MARK = '【合成】';

const BACKGROUND = [
  '既存システムの更新時期が県内で重なったため、県が取りまとめ役となり共同調達を検討した。',
  '小規模自治体では単独での導入が難しく、県と市町村の協議会で共同化の要望が出た。',
  '国の方針を受け、県内で統一的な仕組みを整備するために共同調達を行った。',
  '各団体が個別に調達していたため、費用と事務負担の削減を目的に共同化した。',
];
const EFFECT = [
  '単独調達と比べて導入・運用費用を削減できた。',
  '小規模な町村でも導入でき、県内のサービス水準がそろった。',
  '調達事務を代表団体に集約し、参加団体の事務負担が軽減した。',
  '参加団体間で運用ノウハウを共有できるようになった。',
];
const PROCESS = [
  '県・市町村の担当者による研究会で要件を取りまとめ、仕様書を共同で策定した上で事業者を選定した。',
  '参加意向調査、RFI、仕様書案の意見照会を経て、代表団体が調達手続を行った。',
  '協議会の部会で仕様を検討し、協議会として事業者選定と契約を行った。',
];
const CHALLENGES = [
  '参加団体ごとに予算化の時期が異なり、合意形成に時間を要した。',
  '費用按分の方法について参加団体間の調整が必要だった。',
  '各団体の個別要望をすべて仕様に反映することが難しかった。',
  '取りまとめを行う県の事務負担が大きい。',
];
const INITIAL = ['構築費、データ移行費', '初期設定費、研修費', '導入作業費'];
const ANNUAL = ['サービス利用料', 'サービス利用料、保守費', 'ライセンス費、運用保守費'];
const BURDEN = [
  '人口割と均等割を組み合わせて各団体の負担額を算定',
  '利用量に応じて各団体の負担額を算定',
  '参加団体で均等に負担',
];

export const SYNTH_TEXT = {
  background: BACKGROUND,
  effect: EFFECT,
  process: PROCESS,
  challenges: CHALLENGES,
  initial_cost_breakdown: INITIAL,
  annual_cost_breakdown: ANNUAL,
  burden_basis_text: BURDEN,
} as const;

export function synthText(rng: Rng, key: keyof typeof SYNTH_TEXT): string {
  return SYNTHETIC_MARK + rng.pick(SYNTH_TEXT[key]);
}
