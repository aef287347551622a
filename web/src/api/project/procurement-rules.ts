import { http } from '../http';
import type { Items } from '../types';
import type { ProcurementRules, ProcurementRulesInput, ProcurementRulesVersion } from './types';

/** The current version of each year's rules, newest year first (PRJ-3). */
export function getProcurementRulesListApi(): Promise<Items<ProcurementRulesVersion>> {
  return http.get<Items<ProcurementRulesVersion>>('/procurement-rules');
}

/** One year's current rules with every version in `history`; 404 when the year has none. */
export function getProcurementRulesApi(year: number): Promise<ProcurementRules> {
  return http.get<ProcurementRules>(`/procurement-rules/${year}`);
}

/** Writes a new version; earlier versions and the decisions that used them stay (procurement:rules). */
export function updateProcurementRulesApi(year: number, rules: ProcurementRulesInput): Promise<ProcurementRules> {
  return http.put<ProcurementRules>(`/procurement-rules/${year}`, rules);
}
