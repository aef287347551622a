import { apiUrl, http } from '../http';
import type { LocalizedText } from '../types';

// The monthly agent assessment (CC-3): the office computes a month; each agent's total, rank and every dimension's
// points with the reason; each person's last 12 months; the ranked month as Excel. Computing may propose top-3
// bonuses (CC-6). Points are hundredths of a point, with a text such as "87.50" beside them.

export type ScoreDimensionCode = 'discipline' | 'visits' | 'talk_time' | 'training';

export interface ScoreDimension {
  dimension: ScoreDimensionCode;
  name: LocalizedText;
  weight: number;
  weight_text: string;
  points: number;
  points_text: string;
  explanation: LocalizedText;
}

export interface ScoreSuggestion {
  id: string;
  counted: boolean;
  deduction: number;
  deduction_text: string;
  reason: LocalizedText;
}

export interface ScoreFacts {
  calls: number;
  successful_visits: number;
  talk_seconds: number;
  required_days: number;
  attended_days: number;
  absent_days: number;
  late_arrivals: number;
  violations: number;
  training_score: number | null;
}

export interface AgentScore {
  person_id: number;
  person_name: string;
  month: string;
  rank: number;
  tied: boolean;
  total: number;
  total_text: string;
  method_version: number;
  agent_ids: string[];
  days_held: number;
  days_in_month: number;
  pro_rated: boolean;
  facts: ScoreFacts;
  dimensions: ScoreDimension[];
  suggestions: ScoreSuggestion[];
  penalty_deduction: number;
  penalty_deduction_text: string;
  penalty_explanation: LocalizedText;
  summary: LocalizedText;
  values: { name: string; value: string }[];
}

export interface ScoreMonth {
  month: string;
  computed: boolean;
  method_version: number | null;
  /** The values the month was computed with: the method's, and `work_start`, the opening time late arrivals count from (a setting). */
  method?: { work_start?: string } | null;
  computed_at: string | null;
  computed_by_name: string | null;
  agents: AgentScore[];
  can_compute: boolean;
  can_export: boolean;
  /** CC-6: the bonus proposals this computation made. */
  proposed: number[];
  /** CC-6: the open bonus proposals whose streak this computation broke, withdrawn. */
  withdrawn: number[];
  unmatched_calls: number;
}

export interface PersonScoreMonth {
  month: string;
  ranked: boolean;
  total: number | null;
  total_text: string | null;
  rank: number | null;
  tied: boolean | null;
  agent_count: number;
}

export interface PersonScoreHistory {
  person_id: number;
  person_name: string;
  months: PersonScoreMonth[];
}

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
