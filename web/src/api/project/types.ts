import type { Attachment } from '../file/types';
import type { LocalizedText, PageQuery } from '../types';
import type {
  Bid,
  CatalogueEntryKind,
  NamedValue,
  OpeningOutcome,
  ProcurementRulesInput as RulesBody,
  Registration,
  SealSecretsInput as SealBody,
  ThresholdBasis,
  WitnessConsent,
} from '../generated/schemas';

/** Projects and procurement (docs/api.md "Projects and procurement", PRJ-1 … PRJ-8). */

// The API's shapes come from the server's schemas (server/src/features/procurement/api_schemas.json, issue 10): the
// yearly rules, registrations, bids, the witness's consent, the opening record and the trail so far.
export type {
  Bid,
  BidInput,
  BidReason,
  BidReceipt,
  CatalogueEntry,
  CatalogueEntryKind,
  CriterionFailure,
  Draw,
  DrawLot,
  NamedValue,
  OpenedBid,
  Opening,
  OpeningConsent,
  OpeningOutcome,
  ProcurementRules,
  ProcurementRulesVersion,
  Registration,
  ThresholdBasis,
  TieBreak,
  TrailItem,
  WitnessConsent,
  WitnessConsentInput,
  WitnessPurpose,
} from '../generated/schemas';

export const THRESHOLD_BASES: ThresholdBasis[] = ['annual_budget', 'total_budget'];
export const CATALOGUE_ENTRY_KINDS: CatalogueEntryKind[] = ['category', 'item'];

/** The rules form sends every field (the server defaults basis, reason and catalogue when absent). */
export type ProcurementRulesInput = Required<RulesBody>;

/** The seal fields send both secrets (the server refuses a step without them). */
export type SealSecretsInput = Required<SealBody>;

export type ProjectStatus = 'draft' | 'pending_leadership' | 'returned' | 'approved' | 'procured' | 'bidding' | 'opened' | 'failed' | 'awarded';
export const PROJECT_STATUSES: ProjectStatus[] = ['draft', 'pending_leadership', 'returned', 'approved', 'procured', 'bidding', 'opened', 'failed', 'awarded'];

export type ProjectRoute = 'government' | 'internal';
export const PROJECT_ROUTES: ProjectRoute[] = ['government', 'internal'];

export type ProjectAction =
  | 'edit'
  | 'submit'
  | 'approve'
  | 'return'
  | 'record_government'
  | 'set_ceiling'
  | 'open_bidding'
  | 'register'
  | 'bid'
  | 'open'
  | 'award'
  | 'witness_open_bidding'
  | 'witness_opening';

export interface RouteReason {
  code: 'catalogue_category' | 'catalogue_item' | 'threshold_reached' | 'below_threshold' | string;
  subject?: string;
  text: LocalizedText;
}

/** Why a project goes to government procurement or is procured by the office itself (PRJ-3, D1 Art.3). */
export interface RouteDecision {
  route: ProjectRoute;
  route_name: LocalizedText;
  reasons: RouteReason[];
  values: NamedValue[];
}

export interface ProjectInput {
  name: string;
  year: number;
  category_id: number | null;
  item_codes: string[];
  scope: string;
  annual_budget: string;
  total_budget: string;
  service_start: string;
  service_end: string;
  department_id: number | null;
  responsible_person: string;
  responsible_phone: string;
  plan_attachment_ids: number[];
}

export interface Ceiling {
  amount: string;
  reason: string;
  set_by_name: string;
  set_at: string;
}

export type GovernmentMethod = 'public_tender' | 'invited_tender' | 'competitive_negotiation' | 'competitive_consultation' | 'inquiry' | 'single_source';
export const GOVERNMENT_METHODS: GovernmentMethod[] = [
  'public_tender',
  'invited_tender',
  'competitive_negotiation',
  'competitive_consultation',
  'inquiry',
  'single_source',
];

export interface GovernmentProcurementInput {
  method: GovernmentMethod;
  reference: string;
  agency: string;
  started_on: string;
  completed_on: string;
  result: string;
  winner_vendor_id: number | null;
  /** Annual amount; with the winner, needed for the award. */
  amount: string | null;
}

/** As recorded; the winner and amount may come back here or only as the project's `winner`. */
export interface GovernmentProcurement extends Omit<GovernmentProcurementInput, 'winner_vendor_id' | 'amount'> {
  winner_vendor_id?: number | null;
  amount?: string | null;
  winner_vendor_name?: string | null;
  recorded_by_name?: string;
  recorded_at?: string;
}

export interface Bidding {
  bid_deadline: string;
  opening_at: string;
  /** Fingerprint of the project's public key, printed in the notice and on the witness's record. */
  fingerprint: string;
  officer_name: string;
  witness_name: string;
  created_at: string;
  accepting: boolean;
}

export interface Winner {
  vendor_id: number;
  vendor_name: string;
  quote: string;
}

export interface ProjectHistoryEntry {
  at: string;
  actor_name: string;
  actor_display_name?: string | null;
  role?: string;
  role_name?: LocalizedText | null;
  action: string;
  /** The step's name, the same the trail shows (server: features/procurement/codec ProjectStepName). */
  action_name: LocalizedText;
  from_state?: string;
  to_state?: string;
  comment?: string | null;
}

export interface Project extends Omit<ProjectInput, 'plan_attachment_ids'> {
  id: number;
  code: string;
  category_name: string;
  /** The category in both languages. */
  category_label: LocalizedText;
  department_name: string;
  plans: Attachment[];
  plan_attachment_ids?: number[];
  status: ProjectStatus;
  route: ProjectRoute | null;
  route_decision: RouteDecision | null;
  route_preview: RouteDecision | null;
  route_preview_error: LocalizedText | null;
  ceiling: Ceiling | null;
  government_procurement: GovernmentProcurement | null;
  bidding: Bidding | null;
  /** The witness's fresh, unused consent to the next witnessed step (not shown to vendors). */
  witness_consent?: WitnessConsent | null;
  /** While the bidding may be opened: the shortest time from publication to the bid deadline (procurement.min_bidding_days). */
  min_bidding_days?: number | null;
  counts: { registrations: number; qualified: number; bids: number };
  my_registration?: Registration | null;
  my_bid?: Bid | null;
  outcome: OpeningOutcome | null;
  winner: Winner | null;
  contract_id: number | null;
  contract_code: string | null;
  created_by_name: string;
  created_at: string;
  updated_at: string;
  allowed_actions: ProjectAction[];
  history?: ProjectHistoryEntry[];
}

export interface ProjectQuery extends PageQuery {
  q?: string;
  status?: ProjectStatus | '';
  route?: ProjectRoute | '';
  year?: number | '';
}

export type ProjectDecision = 'approve' | 'return';

export interface ProjectDecisionInput {
  decision: ProjectDecision;
  comment: string;
}

export interface CeilingInput {
  amount: string;
  reason: string;
}

export interface BiddingInput extends SealSecretsInput {
  bid_deadline: string;
  opening_at: string;
}

export interface RegistrationInput {
  /** Omitted by a vendor user (its own vendor). */
  vendor_id?: number;
}

export interface AwardAnswer {
  project: Project;
  contract_id: number;
}
