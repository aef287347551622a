import type { Permission } from '@/api/auth/types';

/** One entry of the left menu; `name` is the route name and the `menu-<name>` test id. */
export interface MenuItem {
  name: string;
  path: string;
  /** i18n key of the label. */
  title: string;
  icon: string;
  /** The user needs any one of these. */
  permissions: Permission[];
}

export interface MenuGroup {
  name: string;
  title: string;
  items: MenuItem[];
}

export const MENU: MenuGroup[] = [
  {
    name: 'main',
    title: 'layout.menu.groupMain',
    items: [
      { name: 'dashboard', path: '/dashboard', title: 'layout.menu.dashboard', icon: 'DataLine', permissions: ['dashboard:read'] },
      { name: 'categories', path: '/catalogue/categories', title: 'layout.menu.categories', icon: 'Menu', permissions: ['catalogue:read'] },
      { name: 'vendors', path: '/vendors', title: 'layout.menu.vendors', icon: 'OfficeBuilding', permissions: ['vendor:read'] },
      // Projects come before contracts: a project's award creates its contract draft (PRJ-8).
      { name: 'projects', path: '/projects', title: 'layout.menu.projects', icon: 'Briefcase', permissions: ['project:read'] },
      // The yearly catalogue and threshold (PRJ-3): edited by procurement:rules, read by whoever reads projects.
      {
        name: 'procurement-rules',
        path: '/procurement-rules',
        title: 'layout.menu.procurementRules',
        icon: 'Notebook',
        permissions: ['procurement:rules', 'project:read'],
      },
      { name: 'contracts', path: '/contracts', title: 'layout.menu.contracts', icon: 'Tickets', permissions: ['contract:read'] },
      { name: 'audit', path: '/audit', title: 'layout.menu.audit', icon: 'Document', permissions: ['audit:read'] },
    ],
  },
  {
    // Supervision (SUP-1 … SUP-8, RP-1 … RP-4): what the office does with vendors after signing.
    name: 'supervision',
    title: 'layout.menu.groupSupervision',
    items: [
      { name: 'assessments', path: '/assessments', title: 'assessment.menu', icon: 'DocumentChecked', permissions: ['supervision:read'] },
      // Department users answer surveys (survey:answer); proposals reach leadership (proposal:decide).
      { name: 'surveys', path: '/surveys', title: 'survey.menu', icon: 'ChatLineSquare', permissions: ['supervision:read', 'survey:answer'] },
      { name: 'meetings', path: '/meetings', title: 'meeting.menu', icon: 'Calendar', permissions: ['supervision:read'] },
      { name: 'rectifications', path: '/rectifications', title: 'rectification.menu', icon: 'Finished', permissions: ['supervision:read'] },
      { name: 'communications', path: '/communications', title: 'communication.menu', icon: 'ChatDotRound', permissions: ['supervision:read'] },
      { name: 'energy-savings', path: '/energy-savings', title: 'energy.menu', icon: 'Lightning', permissions: ['supervision:read'] },
      { name: 'proposals', path: '/proposals', title: 'proposal.menu', icon: 'Stamp', permissions: ['supervision:read', 'proposal:decide'] },
      { name: 'reports', path: '/reports', title: 'report.menu', icon: 'DataAnalysis', permissions: ['supervision:read'] },
    ],
  },
  {
    name: 'system',
    title: 'layout.menu.groupSystem',
    items: [
      { name: 'users', path: '/system/users', title: 'layout.menu.users', icon: 'User', permissions: ['user:manage'] },
      { name: 'orgs', path: '/system/orgs', title: 'layout.menu.orgs', icon: 'Share', permissions: ['org:manage'] },
      { name: 'settings', path: '/system/settings', title: 'layout.menu.settings', icon: 'Setting', permissions: ['settings:manage'] },
    ],
  },
];

export function allows(granted: readonly string[], needed: readonly string[] | undefined): boolean {
  if (!needed || needed.length === 0) return true;
  return needed.some((permission) => granted.includes(permission));
}

/** The menu fitted to a user's permissions; empty groups are dropped. */
export function menuFor(granted: readonly string[], menu: readonly MenuGroup[] = MENU): MenuGroup[] {
  return menu.map((group) => ({ ...group, items: group.items.filter((item) => allows(granted, item.permissions)) })).filter((group) => group.items.length > 0);
}

/** Where "/" leads: the first page the user may open, or null when there is none. */
export function homePath(granted: readonly string[], menu: readonly MenuGroup[] = MENU): string | null {
  return menuFor(granted, menu)[0]?.items[0]?.path ?? null;
}
