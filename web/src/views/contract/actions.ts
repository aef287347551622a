import type { Permission, RoleCode } from '@/api/auth/types';
import type { ContractStatus } from '@/api/contract/types';

type ButtonType = 'primary' | 'success' | 'warning' | 'danger' | 'info';

/** One header button of the contract page, shown when the server allows its action. */
export interface ActionButton {
  /** The `allowed_actions` entry that enables it. */
  action: string;
  /** What the page does on click: the action itself, or a review decision. */
  command: 'edit' | 'submit' | 'approve' | 'return' | 'sign' | 'amend' | 'renew' | 'terminate';
  testId: string;
  /** i18n key of the label. */
  label: string;
  type: ButtonType;
  permission: Permission;
}

// Workflow order: what a user is most likely to do next comes first.
const BUTTONS: ActionButton[] = [
  { action: 'edit', command: 'edit', testId: 'contract-edit', label: 'contract.action.edit', type: 'primary', permission: 'contract:write' },
  { action: 'submit', command: 'submit', testId: 'contract-submit', label: 'contract.action.submit', type: 'primary', permission: 'contract:write' },
  { action: 'review', command: 'approve', testId: 'contract-review-approve', label: 'contract.action.approve', type: 'success', permission: 'contract:review' },
  { action: 'review', command: 'return', testId: 'contract-review-return', label: 'contract.action.return', type: 'warning', permission: 'contract:review' },
  { action: 'sign', command: 'sign', testId: 'contract-sign', label: 'contract.action.sign', type: 'success', permission: 'contract:write' },
  { action: 'amend', command: 'amend', testId: 'contract-amend', label: 'contract.action.amend', type: 'warning', permission: 'contract:write' },
  { action: 'renew', command: 'renew', testId: 'contract-renew', label: 'contract.action.renew', type: 'primary', permission: 'contract:write' },
  { action: 'terminate', command: 'terminate', testId: 'contract-terminate', label: 'contract.action.terminate', type: 'danger', permission: 'contract:write' },
];

/**
 * The buttons for a contract: those whose action the server allows (`allowed_actions`) and whose
 * permission the user holds. Unknown actions are ignored, so a newer server cannot break the page.
 */
export function actionButtons(allowed: readonly string[], permissions: readonly string[]): ActionButton[] {
  const actions = new Set(allowed);
  return BUTTONS.filter((button) => actions.has(button.action) && permissions.includes(button.permission));
}

export type ReviewKind = 'legal' | 'text';

/** Which review a reviewer's role performs (D1 Art.6): judicial → legal, party office → text (文字把关). */
export function reviewKindOf(role: RoleCode | string | undefined): ReviewKind | null {
  if (role === 'judicial') return 'legal';
  if (role === 'party_office') return 'text';
  return null;
}

/** Tag colour per status (CON-3). */
export function statusTag(status: ContractStatus | string): { type: ButtonType; effect: 'light' | 'dark' | 'plain' } {
  switch (status) {
    case 'draft':
      return { type: 'info', effect: 'plain' };
    case 'in_review':
      return { type: 'primary', effect: 'light' };
    case 'returned':
      return { type: 'warning', effect: 'light' };
    case 'approved':
      return { type: 'success', effect: 'plain' };
    case 'signed':
      return { type: 'success', effect: 'light' };
    case 'active':
      return { type: 'success', effect: 'dark' };
    case 'expired':
      return { type: 'danger', effect: 'light' };
    case 'terminated':
      return { type: 'danger', effect: 'dark' };
    case 'renewed':
      return { type: 'info', effect: 'dark' };
    default:
      return { type: 'info', effect: 'light' };
  }
}
