import type { PageQuery } from '../types';
import type {
  CatalogueEntryKind,
  GovernmentMethod,
  ProcurementRulesInput as RulesBody,
  ProjectRoute,
  ProjectStatus,
  SealSecretsInput as SealBody,
  ThresholdBasis,
} from '../generated/schemas';

/** Projects and procurement (docs/api.md "Projects and procurement", PRJ-1 … PRJ-8). */

// The API's shapes come from the server's schemas (server/src/features/procurement/api_schemas.json, issue 10): the
// yearly rules, projects with their route, ceiling, bidding and history, the steps' bodies, registrations, bids, the
// witness's consent, the opening record, the award and the trail.
export type {
  Bid,
  BidInput,
  BidReason,
  BidReceipt,
  Bidding,
  BiddingInput,
  CatalogueEntry,
  CatalogueEntryKind,
  CeilingInput,
  CriterionFailure,
  Draw,
  DrawLot,
  GovernmentMethod,
  GovernmentProcurement,
  GovernmentProcurementInput,
  NamedValue,
  OpenedBid,
  Opening,
  OpeningConsent,
  OpeningOutcome,
  ProcurementRules,
  ProcurementRulesVersion,
  Project,
  ProjectAction,
  ProjectAward,
  ProjectCeiling,
  ProjectCounts,
  ProjectDecision,
  ProjectDecisionInput,
  ProjectInput,
  ProjectRoute,
  ProjectStatus,
  ProjectStep,
  ProjectWinner,
  Registration,
  RegistrationInput,
  RouteDecision,
  RouteReason,
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

export const PROJECT_STATUSES: ProjectStatus[] = ['draft', 'pending_leadership', 'returned', 'approved', 'procured', 'bidding', 'opened', 'failed', 'awarded'];

export const PROJECT_ROUTES: ProjectRoute[] = ['government', 'internal'];

export const GOVERNMENT_METHODS: GovernmentMethod[] = [
  'public_tender',
  'invited_tender',
  'competitive_negotiation',
  'competitive_consultation',
  'inquiry',
  'single_source',
];

export interface ProjectQuery extends PageQuery {
  q?: string;
  status?: ProjectStatus | '';
  route?: ProjectRoute | '';
  year?: number | '';
}
