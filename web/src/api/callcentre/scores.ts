import { apiUrl, http } from '../http';
import type { PersonScoreHistory, ScoreMonth } from '../generated/schemas';

// The monthly agent assessment (CC-3): the office computes a month; each agent's total, rank and every dimension's
// points with the reason; each person's last 12 months; the ranked month as Excel. Computing may propose top-3
// bonuses (CC-6). Points are hundredths of a point, with a text such as "87.50" beside them.

// The API's shapes come from the server's schemas (server/src/features/callcentre/api_schemas.json, issue 10).
export type {
  AgentScore,
  PersonScoreHistory,
  PersonScoreMonth,
  ScoreDimension,
  ScoreDimensionCode,
  ScoreFacts,
  ScoreMonth,
  ScoreMonthMethod,
  ScoreSuggestion,
} from '../generated/schemas';

export function getAgentScoresApi(contractId: number, month: string): Promise<ScoreMonth> {
  return http.get<ScoreMonth>(`/contracts/${contractId}/agent-scores`, { month });
}

export function computeAgentScoresApi(contractId: number, month: string): Promise<ScoreMonth> {
  return http.post<ScoreMonth>(`/contracts/${contractId}/agent-scores/${month}/compute`, {});
}

export function getPersonScoresApi(contractId: number, personId: number): Promise<PersonScoreHistory> {
  return http.get<PersonScoreHistory>(`/contracts/${contractId}/agent-scores/person/${personId}`);
}

/** The ranked month as Excel, the basis for pay; the server audits the export (CC-7). */
export function agentScoresExportUrl(contractId: number, month: string): string {
  return apiUrl(`/contracts/${contractId}/agent-scores/${month}.xlsx`);
}
