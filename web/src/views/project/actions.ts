import type { Permission } from '@/api/auth/types';
import type { OpeningOutcome, ProjectAction, ProjectRoute, ProjectStatus } from '@/api/project/types';

type TagType = 'primary' | 'success' | 'warning' | 'danger' | 'info';

/** One header button of the project page, shown when the server allows its action (`allowed_actions`). */
export interface ProjectButton {
  action: ProjectAction;
  testId: string;
  /** i18n key of the label. */
  label: string;
  type: TagType;
  /** The user needs any one of these. */
  permissions: Permission[];
}

// Workflow order: what a user is most likely to do next comes first.
const BUTTONS: ProjectButton[] = [
  { action: 'edit', testId: 'project-edit', label: 'project.action.edit', type: 'primary', permissions: ['project:write'] },
  { action: 'submit', testId: 'project-submit', label: 'project.action.submit', type: 'primary', permissions: ['project:write'] },
  { action: 'approve', testId: 'project-approve', label: 'project.action.approve', type: 'success', permissions: ['project:approve'] },
  { action: 'return', testId: 'project-return', label: 'project.action.return', type: 'warning', permissions: ['project:approve'] },
  {
    action: 'record_government',
    testId: 'project-record-government',
    label: 'project.action.recordGovernment',
    type: 'primary',
    permissions: ['project:write'],
  },
  { action: 'set_ceiling', testId: 'project-set-ceiling', label: 'project.action.setCeiling', type: 'primary', permissions: ['project:approve'] },
  { action: 'open_bidding', testId: 'project-open-bidding', label: 'project.action.openBidding', type: 'primary', permissions: ['project:write'] },
  { action: 'register', testId: 'project-register', label: 'project.action.register', type: 'primary', permissions: ['bid:submit', 'project:write'] },
  { action: 'bid', testId: 'project-bid', label: 'project.action.bid', type: 'success', permissions: ['bid:submit'] },
  // PRJ-7: the discipline-inspection witness consents in their own session to the office's next witnessed step.
  {
    action: 'witness_open_bidding',
    testId: 'project-witness-consent',
    label: 'project.action.witnessOpenBidding',
    type: 'warning',
    permissions: ['project:witness'],
  },
  { action: 'witness_opening', testId: 'project-witness-consent', label: 'project.action.witnessOpening', type: 'warning', permissions: ['project:witness'] },
  { action: 'open', testId: 'project-open', label: 'project.action.open', type: 'danger', permissions: ['project:write'] },
  { action: 'award', testId: 'project-award', label: 'project.action.award', type: 'success', permissions: ['project:write'] },
];

/**
 * The buttons for a project: those whose action the server allows and whose permission the user holds. Unknown
 * actions are ignored, so a newer server cannot break the page.
 */
export function projectButtons(allowed: readonly string[], permissions: readonly string[]): ProjectButton[] {
  const actions = new Set(allowed);
  return BUTTONS.filter((button) => actions.has(button.action) && button.permissions.some((item) => permissions.includes(item)));
}

export function statusTagType(status: ProjectStatus | string): TagType {
  switch (status) {
    case 'pending_leadership':
      return 'warning';
    case 'returned':
    case 'failed':
      return 'danger';
    case 'approved':
    case 'bidding':
      return 'primary';
    case 'procured':
    case 'opened':
    case 'awarded':
      return 'success';
    default:
      return 'info';
  }
}

export function routeTagType(route: ProjectRoute | string | null): TagType {
  if (route === 'government') return 'danger';
  if (route === 'internal') return 'success';
  return 'info';
}

export function outcomeTagType(outcome: OpeningOutcome | string | null): TagType {
  return outcome === 'awarded' ? 'success' : outcome ? 'danger' : 'info';
}
