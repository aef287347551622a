import { http } from '../http';

// Training sessions (STF-8) and qualification tests (STF-3) of a contract's people.

export type TrainingKind = 'pre_job' | 'managers' | 'agents' | 'new_business';
export type TrainerParty = 'party_a' | 'vendor';
export type TestResult = 'pass' | 'fail';

export interface TrainingSession {
  id: number;
  contract_id: number;
  kind: TrainingKind;
  topic: string;
  trainer_name: string;
  trainer_party: TrainerParty;
  trained_on: string;
  /** Decimal hours as the server keeps them in tenths, "2.5". */
  hours: string;
  /** New business only: the week of on-site guidance (D2 staff rule 8). */
  guidance_from: string | null;
  guidance_to: string | null;
  trainees: { person_id: number; name: string }[];
}

/** The STF-4 replacement request a failed test opened (or found open already). */
export interface OpenedReplacement {
  id: number;
  status: 'open' | 'reported' | 'returned' | 'closed';
  requested_on: string;
  deadline: string;
  reason: string;
}

export interface QualificationTest {
  id: number;
  contract_id: number;
  person_id: number;
  person_name: string;
  taken_on: string;
  subject: string;
  score: number;
  /** The pass mark the result was judged against, kept with it. */
  pass_score: number;
  result: TestResult;
  replacement_id: number | null;
  replacement: OpenedReplacement | null;
  replacement_opened: boolean;
}

export interface PersonTraining {
  person_id: number;
  name: string;
  hours: string;
  sessions: number;
  latest_test: QualificationTest | null;
}

export interface ContractTraining {
  sessions: TrainingSession[];
  tests: QualificationTest[];
  people: PersonTraining[];
  can_write: boolean;
  /** The pass mark in force now (setting staff.qualification_pass_score). */
  pass_score: number;
}

export interface TrainingSessionInput {
  kind: TrainingKind;
  trainer_party: TrainerParty;
  trainer_name: string;
  topic: string;
  hours: string;
  trained_on: string;
  guidance_from?: string | null;
  guidance_to?: string | null;
  trainee_ids: number[];
}

export interface QualificationTestInput {
  taken_on: string;
  subject: string;
  score: number | null;
}

export function getContractTrainingApi(contractId: number): Promise<ContractTraining> {
  return http.get<ContractTraining>(`/contracts/${contractId}/training`);
}

export function recordTrainingSessionApi(contractId: number, input: TrainingSessionInput): Promise<TrainingSession> {
  return http.post<TrainingSession>(`/contracts/${contractId}/training/sessions`, input);
}

/** A failed test opens a replacement request in the same write; the answer carries it. */
export function recordQualificationTestApi(personId: number, input: QualificationTestInput): Promise<QualificationTest> {
  return http.post<QualificationTest>(`/staff/${personId}/qualification-tests`, input);
}
