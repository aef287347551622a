import { http } from '../http';
import type { LocalizedText } from '../types';

// Extra rewards (CC-5): the office records a reward in fen for named people on the roster, paid by the organisation
// and handed out by the organisation or the vendor; a mistaken one is withdrawn with a reason and leaves the totals.

export type RewardHandedOutBy = 'organisation' | 'vendor';
export type RewardStatus = 'recorded' | 'withdrawn';

export interface Reward {
  id: number;
  contract_id: number;
  person_id: number;
  person_name: string;
  /** Integer fen. */
  amount_fen: number;
  paid_by: 'organisation';
  handed_out_by: RewardHandedOutBy;
  handed_out_by_name: LocalizedText;
  reason: string;
  awarded_on: string;
  month: string;
  batch_id: number | null;
  status: RewardStatus;
  status_name: LocalizedText;
  withdrawn_reason: string;
  withdrawn_at: string | null;
  can_withdraw: boolean;
}

export interface RewardPersonTotal {
  person_id: number;
  person_name: string;
  count: number;
  total_fen: number;
}

export interface RewardList {
  month: string | null;
  items: Reward[];
  people: RewardPersonTotal[];
  total_fen: number;
  can_record: boolean;
}

export interface RewardInput {
  person_ids: number[];
  amount_fen: number;
  handed_out_by: RewardHandedOutBy;
  reason: string;
  awarded_on: string;
}

export function getRewardsApi(contractId: number, month: string, personId: number | null): Promise<RewardList> {
  const query: Record<string, string | number> = {};
  if (month) query.month = month;
  if (personId !== null) query.person_id = personId;
  return http.get<RewardList>(`/contracts/${contractId}/rewards`, query);
}

export function recordRewardApi(contractId: number, input: RewardInput): Promise<{ items: Reward[] }> {
  return http.post<{ items: Reward[] }>(`/contracts/${contractId}/rewards`, input);
}

export function withdrawRewardApi(id: number, reason: string): Promise<Reward> {
  return http.post<Reward>(`/callcentre/rewards/${id}/withdraw`, { reason });
}
