import { http } from '../http';
import type {
  CallCentreRewardInput as RewardInput,
  CallCentreReward as Reward,
  CallCentreRewardList as RewardList,
  RecordedRewards,
} from '../generated/schemas';

// Extra rewards (CC-5): the office records a reward in fen for named people on the roster, paid by the organisation
// and handed out by the organisation or the vendor; a mistaken one is withdrawn with a reason and leaves the totals.

// The API's shapes come from the server's schemas (server/src/features/callcentre/api_schemas.json, issue 10).
export type {
  CallCentreReward as Reward,
  CallCentreRewardInput as RewardInput,
  CallCentreRewardList as RewardList,
  RecordedRewards,
  RewardHandedOutBy,
  RewardPersonTotal,
  RewardStatus,
} from '../generated/schemas';

export function getRewardsApi(contractId: number, month: string, personId: number | null): Promise<RewardList> {
  const query: Record<string, string | number> = {};
  if (month) query.month = month;
  if (personId !== null) query.person_id = personId;
  return http.get<RewardList>(`/contracts/${contractId}/rewards`, query);
}

export function recordRewardApi(contractId: number, input: RewardInput): Promise<RecordedRewards> {
  return http.post<RecordedRewards>(`/contracts/${contractId}/rewards`, input);
}

export function withdrawRewardApi(id: number, reason: string): Promise<Reward> {
  return http.post<Reward>(`/callcentre/rewards/${id}/withdraw`, { reason });
}
