import { http } from '../http';
import type { ContractTraining, QualificationTest, QualificationTestInput, TrainingSession, TrainingSessionInput } from '../generated/schemas';

// Training sessions (STF-8) and qualification tests (STF-3) of a contract's people.

// The API's shapes come from the server's schemas (server/src/features/staff/api_schemas.json, issue 10).
export type {
  ContractTraining,
  OpenedReplacement,
  PersonTraining,
  QualificationTest,
  QualificationTestInput,
  TestResult,
  Trainee,
  TrainerParty,
  TrainingKind,
  TrainingSession,
  TrainingSessionInput,
} from '../generated/schemas';

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
