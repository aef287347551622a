import { apiUrl, http } from '../http';
import type { Items, Page } from '../types';
import type {
  AmendmentInput,
  Consultation,
  ConsultationInput,
  Contract,
  ContractContent,
  ContractQuery,
  ContractSummary,
  ContractVersion,
  HistoryEntry,
  Installment,
  Ledger,
  LedgerEntry,
  LedgerEntryInput,
  Payment,
  PaymentInput,
  RenewInput,
  ReviewInput,
  ScheduleRequest,
  SignInput,
  TerminateInput,
} from './types';

export function getContractPageApi(query: ContractQuery): Promise<Page<ContractSummary>> {
  return http.get<Page<ContractSummary>>('/contracts', { ...query });
}

export function getContractApi(id: number): Promise<Contract> {
  return http.get<Contract>(`/contracts/${id}`);
}

export function createContractApi(content: ContractContent): Promise<Contract> {
  return http.post<Contract>('/contracts', content);
}

/** Saves a draft, a returned contract, or the amendment being drafted. */
export function updateContractApi(id: number, content: ContractContent): Promise<Contract> {
  return http.put<Contract>(`/contracts/${id}`, content);
}

/** Equal installments over the term, the remainder in fen on the last one. */
export function getScheduleApi(request: ScheduleRequest): Promise<{ installments: Installment[] }> {
  return http.post<{ installments: Installment[] }>('/contracts/schedule', request);
}

export function submitContractApi(id: number): Promise<Contract> {
  return http.post<Contract>(`/contracts/${id}/submit`, {});
}

export function reviewContractApi(id: number, review: ReviewInput): Promise<Contract> {
  return http.post<Contract>(`/contracts/${id}/reviews`, review);
}

export function getContractVersionsApi(id: number): Promise<Items<ContractVersion>> {
  return http.get<Items<ContractVersion>>(`/contracts/${id}/versions`);
}

export function getContractHistoryApi(id: number): Promise<Items<HistoryEntry>> {
  return http.get<Items<HistoryEntry>>(`/contracts/${id}/history`);
}

export function signContractApi(id: number, signing: SignInput): Promise<Contract> {
  return http.post<Contract>(`/contracts/${id}/sign`, signing);
}

/** The generated contract document (CON-5); the latest version unless one is named. */
export function contractPdfUrl(id: number, version?: number): string {
  return apiUrl(`/contracts/${id}/document.pdf`, { version });
}

export function getConsultationsApi(id: number): Promise<Items<Consultation>> {
  return http.get<Items<Consultation>>(`/contracts/${id}/consultations`);
}

export function createConsultationApi(id: number, consultation: ConsultationInput): Promise<Consultation> {
  return http.post<Consultation>(`/contracts/${id}/consultations`, consultation);
}

export function amendContractApi(id: number, amendment: AmendmentInput): Promise<Contract> {
  return http.post<Contract>(`/contracts/${id}/amendments`, amendment);
}

export function terminateContractApi(id: number, termination: TerminateInput): Promise<Contract> {
  return http.post<Contract>(`/contracts/${id}/terminate`, termination);
}

/** Answers the successor draft; the contract itself becomes `renewed`. */
export function renewContractApi(id: number, renewal: RenewInput): Promise<Contract> {
  return http.post<Contract>(`/contracts/${id}/renew`, renewal);
}

export function getLedgerApi(id: number): Promise<Ledger> {
  return http.get<Ledger>(`/contracts/${id}/ledger`);
}

export function createLedgerEntryApi(id: number, entry: LedgerEntryInput): Promise<LedgerEntry> {
  return http.post<LedgerEntry>(`/contracts/${id}/ledger`, entry);
}

export function createPaymentApi(id: number, payment: PaymentInput): Promise<Payment> {
  return http.post<Payment>(`/contracts/${id}/payments`, payment);
}
