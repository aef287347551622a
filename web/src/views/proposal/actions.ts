import type { Evidence, Proposal, ProposalDecision, ProposalStatus } from '@/api/proposal/types';
import { normalizeMoney } from '@/utils/money';

type TagType = 'primary' | 'success' | 'warning' | 'danger' | 'info';

/** One decision button of a proposal (RP-1 … RP-4), shown when the server allows it and the user holds the step. */
export interface DecisionButton {
  decision: ProposalDecision;
  testId: string;
  /** i18n key of the label. */
  label: string;
  type: TagType;
}

const BUTTONS: DecisionButton[] = [
  { decision: 'approve', testId: 'proposal-approve', label: 'proposal.action.approve', type: 'success' },
  { decision: 'reject', testId: 'proposal-reject', label: 'proposal.action.reject', type: 'danger' },
];

/** Who decides each step: the office first, leadership last (ROLE-3). */
export function stepPermission(status: ProposalStatus | string): string | null {
  if (status === 'pending_office') return 'supervision:write';
  if (status === 'pending_leadership') return 'proposal:decide';
  return null;
}

/**
 * The decision buttons for a proposal: `allowed_actions` may name `approve` and `reject`, or `decide` for both;
 * the user must also hold the permission of the step the proposal waits for. Unknown actions are ignored.
 */
export function decisionButtons(proposal: Pick<Proposal, 'status' | 'allowed_actions'>, permissions: readonly string[]): DecisionButton[] {
  const needed = stepPermission(proposal.status);
  if (!needed || !permissions.includes(needed)) return [];
  const actions = new Set(proposal.allowed_actions ?? []);
  return BUTTONS.filter((button) => actions.has(button.decision) || actions.has('decide'));
}

/** Leadership sets a reward's amount when it approves (D1 Art.8(1) names no sum). */
export function amountRequired(proposal: Pick<Proposal, 'kind' | 'status'>, decision: ProposalDecision): boolean {
  return decision === 'approve' && proposal.kind === 'reward' && proposal.status === 'pending_leadership';
}

export type DecisionProblem = 'comment-required' | 'amount-required' | 'amount-invalid';

/** What keeps a decision from being sent, by field; empty when it may be sent. */
export function decisionProblems(
  proposal: Pick<Proposal, 'kind' | 'status'>,
  input: { decision: ProposalDecision; comment: string; amount: string },
): Partial<Record<'comment' | 'amount', DecisionProblem>> {
  const problems: Partial<Record<'comment' | 'amount', DecisionProblem>> = {};
  if (input.decision === 'reject' && !input.comment.trim()) problems.comment = 'comment-required';
  if (amountRequired(proposal, input.decision)) {
    const amount = normalizeMoney(input.amount);
    if (!input.amount.trim()) problems.amount = 'amount-required';
    else if (amount === null || amount === '0.00') problems.amount = 'amount-invalid';
  }
  return problems;
}

/** The page an evidence row links to: the assessment or the survey; energy-saving records have none here. */
export function evidenceRoute(evidence: Pick<Evidence, 'kind' | 'id'>): string | null {
  const id = String(evidence.id);
  if (!/^\d+$/.test(id)) return null;
  if (evidence.kind === 'assessment') return `/assessments/${id}`;
  if (evidence.kind === 'survey') return `/surveys/${id}`;
  return null;
}

export function statusTagType(status: ProposalStatus | string): TagType {
  switch (status) {
    case 'pending_office':
      return 'warning';
    case 'pending_leadership':
      return 'primary';
    case 'approved':
      return 'success';
    case 'rejected':
      return 'danger';
    default:
      return 'info';
  }
}

export function kindTagType(kind: string): TagType {
  if (kind === 'termination') return 'danger';
  if (kind === 'deduction') return 'warning';
  if (kind === 'reward') return 'success';
  return 'info';
}

/** i18n key describing a rule ("RP-3/failures" → proposal.rule.RP_3_failures); keys hold no '/' or '-'. */
export function ruleKey(rule: string): string {
  return `proposal.rule.${rule.replace(/[^A-Za-z0-9]/g, '_')}`;
}
