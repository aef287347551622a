import { apiUrl, http } from '../http';
import type { RenewalBasis } from './types';

/** What a contract's renewal rests on (RP-5): assessments, satisfaction, rectifications, money, proposals. */
export function getRenewalBasisApi(contractId: number): Promise<RenewalBasis> {
  return http.get<RenewalBasis>(`/contracts/${contractId}/renewal-basis`);
}

/** The same as a signed-off PDF. */
export function renewalBasisPdfUrl(contractId: number): string {
  return apiUrl(`/contracts/${contractId}/renewal-basis.pdf`);
}
