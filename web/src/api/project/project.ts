import { apiUrl, http } from '../http';
import type { Items, Page } from '../types';
import type {
  ProjectAward,
  Bid,
  BidInput,
  BidReceipt,
  BiddingInput,
  CeilingInput,
  GovernmentProcurementInput,
  Opening,
  Project,
  ProjectDecisionInput,
  ProjectInput,
  ProjectQuery,
  Registration,
  RegistrationInput,
  SealSecretsInput,
  TrailItem,
  WitnessConsent,
  WitnessPurpose,
} from './types';

/** Projects (PRJ-1, PRJ-2): a page without history. */
export function getProjectPageApi(query: ProjectQuery): Promise<Page<Project>> {
  return http.get<Page<Project>>('/projects', { ...query });
}

export function getProjectApi(id: number): Promise<Project> {
  return http.get<Project>(`/projects/${id}`);
}

export function createProjectApi(project: ProjectInput): Promise<Project> {
  return http.post<Project>('/projects', project);
}

/** Only a `draft` or `returned` project can be edited. */
export function updateProjectApi(id: number, project: ProjectInput): Promise<Project> {
  return http.put<Project>(`/projects/${id}`, project);
}

export function submitProjectApi(id: number): Promise<Project> {
  return http.post<Project>(`/projects/${id}/submit`, {});
}

/** Leadership approves (the route is decided then, PRJ-3) or returns with a comment. */
export function decideProjectApi(id: number, decision: ProjectDecisionInput): Promise<Project> {
  return http.post<Project>(`/projects/${id}/decision`, decision);
}

/** The record of a government procurement done outside (government route). */
export function recordGovernmentProcurementApi(id: number, record: GovernmentProcurementInput): Promise<Project> {
  return http.post<Project>(`/projects/${id}/government-procurement`, record);
}

/** The ceiling price (标底) set by leadership before any bid (internal route). */
export function setCeilingApi(id: number, ceiling: CeilingInput): Promise<Project> {
  return http.put<Project>(`/projects/${id}/ceiling`, ceiling);
}

/** Opens the sealed bidding: the seal is created from the officer's and the witness's secrets (PRJ-7). */
export function openBiddingApi(id: number, bidding: BiddingInput): Promise<Project> {
  return http.post<Project>(`/projects/${id}/bidding`, bidding);
}

export function getRegistrationsApi(id: number): Promise<Items<Registration>> {
  return http.get<Items<Registration>>(`/projects/${id}/registrations`);
}

/** Registers a vendor (its own for a vendor user), checked against the category's criteria (PRJ-5). */
export function registerApi(id: number, registration: RegistrationInput = {}): Promise<Registration> {
  return http.post<Registration>(`/projects/${id}/registrations`, registration);
}

export function getBidsApi(id: number): Promise<Items<Bid>> {
  return http.get<Items<Bid>>(`/projects/${id}/bids`);
}

/** One sealed quote per vendor; the answer is the receipt. */
export function submitBidApi(id: number, bid: BidInput): Promise<BidReceipt> {
  return http.post<BidReceipt>(`/projects/${id}/bids`, bid);
}

/** The discipline-inspection witness consents from their own session to the seal's creation or the opening (PRJ-7). */
export function giveWitnessConsentApi(id: number, purpose: WitnessPurpose): Promise<WitnessConsent> {
  return http.post<WitnessConsent>(`/projects/${id}/witness-consents`, { purpose });
}

/** The opening: both secrets, and the witness's fresh consent given in their own session. */
export function openBidsApi(id: number, input: SealSecretsInput): Promise<Opening> {
  return http.post<Opening>(`/projects/${id}/opening`, input);
}

/** 404 before the opening. */
export function getOpeningApi(id: number): Promise<Opening> {
  return http.get<Opening>(`/projects/${id}/opening`);
}

export function openingPdfUrl(id: number): string {
  return apiUrl(`/projects/${id}/opening.pdf`);
}

/** The award creates a contract draft from the project, the vendor and the winning annual quote (PRJ-8). */
export function awardProjectApi(id: number): Promise<ProjectAward> {
  return http.post<ProjectAward>(`/projects/${id}/award`, {});
}

/** Every step from creation to the contract (not for vendor users). */
export function getProjectTrailApi(id: number): Promise<Items<TrailItem>> {
  return http.get<Items<TrailItem>>(`/projects/${id}/trail`);
}
