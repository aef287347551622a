import type { LocaleCode } from '@/api/types';
import type { ReportLedgerEntry, ReportProposal } from '@/api/report/types';
import { pickText } from '@/utils/form-errors';
import { formatMoney } from '@/utils/money';

/**
 * What the report pages (SUP-7) show in words rather than as the server's values: the reports carry enum values
 * (kinds, statuses, actions), scores as numbers, money as plain decimals and ledger reasons that name the proposal
 * and its rule code. The page draws the same sections as the PDF (server/src/features/reports/documents.cpp); these
 * functions decide what each cell says, so no code reaches the screen.
 */

/** The locale key of a value nobody has named yet ("其他" / "Other"): better a plain word than a code on screen. */
export const OTHER_KEY = 'report.other';

/** Where the words for each kind of value live; the same words the rest of the app uses. */
const WORD_GROUPS = {
  assessmentKind: 'assessment.kind',
  ledgerKind: 'report.ledgerKind',
  proposalKind: 'renewal.proposalKinds',
  proposalStatus: 'renewal.proposalStatuses',
  rectificationStatus: 'rectification.status',
  rectificationEffect: 'rectification.effect',
  contractEvent: 'report.event',
  contractStatus: 'contract.status',
} as const;

export type WordGroup = keyof typeof WORD_GROUPS;

const VALUE = /^[a-z][a-z_]*$/;

/** The locale key that says `value` in words ("routine" → assessment.kind.routine); OTHER_KEY for anything odd. */
export function wordKey(group: WordGroup, value: string | null | undefined): string {
  return value && VALUE.test(value) ? `${WORD_GROUPS[group]}.${value}` : OTHER_KEY;
}

/** A score as the PDF writes it: 85, 52.5; a dash when there is none. */
export function scoreText(score: number | null | undefined): string {
  if (score === null || score === undefined || !Number.isFinite(score)) return '—';
  return String(Math.round(score * 10) / 10);
}

/** Money in yuan with thousands separators ("1,200,000.00"); a dash for none. */
export function moneyText(money: string | null | undefined): string {
  return money ? formatMoney(money) : '—';
}

/** The amount a proposal stands for: what was approved, else what was proposed. */
export function proposalAmount(proposal: Pick<ReportProposal, 'amount' | 'approved_amount'>): string {
  return moneyText(proposal.approved_amount ?? proposal.amount);
}

/**
 * The reason the ledger records for an entry an approved proposal wrote starts "建议 #12(RP-2):" (the server's
 * record of where it came from); the report says where it came from in a column of its own, so the reason shows the
 * explanation only.
 */
const PROPOSAL_PREFIX = /^\s*建议\s*#\d+\s*[(（][^)）]*[)）]\s*[:：]\s*/;

/** What an entry is for, in the reader's language when a proposal explains it in both. */
export function entryReason(entry: Pick<ReportLedgerEntry, 'reason' | 'source' | 'proposal_id'>, proposals: ReportProposal[], locale: LocaleCode): string {
  if (entry.source === 'proposal' && entry.proposal_id !== null) {
    const proposal = proposals.find((candidate) => candidate.id === entry.proposal_id);
    const explained = proposal ? pickText(proposal.explanation, locale) : '';
    if (explained) return explained;
  }
  return entry.reason.replace(PROPOSAL_PREFIX, '');
}

/** Where an entry came from: an approved proposal (with its number) or typed in by hand. */
export function entrySource(entry: Pick<ReportLedgerEntry, 'source' | 'proposal_id'>): { key: string; id?: number } {
  if (entry.source === 'proposal') {
    return entry.proposal_id === null ? { key: 'report.source.proposalUnnumbered' } : { key: 'report.source.proposal', id: entry.proposal_id };
  }
  return { key: 'report.source.manual' };
}
