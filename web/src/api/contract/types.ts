import type { PageQuery } from '../types';
import type { ContractStatus, DayType, DeductionKind, Frequency, WorkflowEvent } from '../generated/schemas';

// The API's shapes come from the server's schemas (server/src/features/contracts/api_schemas.json, issue 10).
export type {
  Amendment,
  AmendmentInput,
  AssessmentTerms,
  Consultation,
  ConsultationInput,
  Contract,
  ContractContent,
  ContractReview,
  ContractStatus,
  ContractSummary,
  ContractVersion,
  DayType,
  DeductionClause,
  DeductionKind,
  Frequency,
  GradeBand,
  Installment,
  Ledger,
  LedgerEntry,
  LedgerEntryInput,
  LedgerEntryKind,
  LedgerPeriod,
  LedgerTotals,
  Party,
  Payment,
  PaymentInput,
  PaymentTerms,
  RenewInput,
  ReviewDecision,
  ReviewInput,
  ReviewRecord,
  ScheduleRequest,
  ServiceItem,
  SignInput,
  Signing,
  StaffingRow,
  TerminateInput,
  Termination,
} from '../generated/schemas';

export const CONTRACT_STATUSES: ContractStatus[] = ['draft', 'in_review', 'returned', 'approved', 'signed', 'active', 'expired', 'terminated', 'renewed'];
export const FREQUENCIES: Frequency[] = ['monthly', 'quarterly', 'semiannual', 'annual'];
export const DAY_TYPES: DayType[] = ['workday', 'weekend', 'holiday'];
export const DEDUCTION_KINDS: DeductionKind[] = ['per_point_below_pass', 'per_missing_staff_day', 'per_failed_item', 'percent_of_fee_per_point_below_pass'];

/** Known workflow actions; the server decides which apply (`allowed_actions`). */
export type ContractAction = 'edit' | 'submit' | 'review' | 'sign' | 'amend' | 'renew' | 'terminate' | string;

/** One step of the contract's workflow (GET /contracts/{id}/history). */
export type HistoryEntry = WorkflowEvent;

export type ContractSortField = 'code' | 'term_end' | 'created_at' | 'updated_at';

export interface ContractQuery extends PageQuery {
  q?: string;
  status?: ContractStatus | '';
  vendor_id?: number | '';
  sort?: ContractSortField;
}
