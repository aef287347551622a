import type { Permission, RoleCode } from '@/api/auth/types';

/** One entry of the left menu; `name` is the route name and the `menu-<name>` test id. */
export interface MenuItem {
  name: string;
  path: string;
  /** i18n key of the label. */
  title: string;
  icon: string;
  /** The user needs any one of these. */
  permissions: Permission[];
  /**
   * Roles the server's gate refuses although they hold one of the permissions (Route::RefusedTo of the page's API route,
   * server/src/features/.../routes.cpp). Without it a vendor saw 采购标准 and 奖惩建议 and opened pages whose every
   * request was refused, shown as "nothing maintained yet" (issue 12). web/tests/e2e/14-landing compares both lists with
   * the server's own answer (x-roles of openapi.json), so a change on either side fails a test.
   */
  refusedTo?: RoleCode[];
}

export interface MenuGroup {
  name: string;
  title: string;
  items: MenuItem[];
}

/** GET /api/v1/procurement-rules: the office's procurement internals are not the vendors' (procurement/routes.cpp). */
export const PROCUREMENT_RULES_REFUSED: RoleCode[] = ['vendor'];
/** GET /api/v1/proposals: leadership's deliberations are not for vendors or departments (supervision/routes.cpp). */
export const PROPOSALS_REFUSED: RoleCode[] = ['vendor', 'department'];

/** Who is signed in, as far as the menu and the route guard need to know. */
export interface Access {
  role: RoleCode | null;
  permissions: readonly string[];
}

export const MENU: MenuGroup[] = [
  {
    name: 'main',
    title: 'layout.menu.groupMain',
    items: [
      // The to-do inbox (issue 12): everything waiting for this user's step; every signed-in role has one and lands on it.
      { name: 'inbox', path: '/inbox', title: 'inbox.menu', icon: 'Bell', permissions: [] },
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
        refusedTo: PROCUREMENT_RULES_REFUSED,
      },
      { name: 'contracts', path: '/contracts', title: 'layout.menu.contracts', icon: 'Tickets', permissions: ['contract:read'] },
      // STF-1: the people working for a served department, on the contracts that serve it (departments only).
      { name: 'served-staff', path: '/served-staff', title: 'servedstaff.menu', icon: 'UserFilled', permissions: ['roster:read_served'] },
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
      {
        name: 'proposals',
        path: '/proposals',
        title: 'proposal.menu',
        icon: 'Stamp',
        permissions: ['supervision:read', 'proposal:decide'],
        refusedTo: PROPOSALS_REFUSED,
      },
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
      // Public holidays and make-up working days per year (STF-6), what staffing compliance counts days by.
      { name: 'holiday-calendar', path: '/system/holiday-calendar', title: 'staff.holiday.menu', icon: 'Calendar', permissions: ['settings:manage'] },
      // The roles a person on a roster may have (STF-1).
      { name: 'staff-roles', path: '/system/staff-roles', title: 'staffrole.menu', icon: 'Tickets', permissions: ['settings:manage'] },
    ],
  },
];

export function allows(granted: readonly string[], needed: readonly string[] | undefined): boolean {
  if (!needed || needed.length === 0) return true;
  return needed.some((permission) => granted.includes(permission));
}

/** The server's gate for one page: one of the permissions (or none needed), and a role it does not refuse. */
export function admits(granted: readonly string[], role: RoleCode | null, rule: { permissions?: readonly string[]; refusedTo?: readonly RoleCode[] }): boolean {
  if (role !== null && rule.refusedTo?.includes(role)) return false;
  return allows(granted, rule.permissions);
}

/** The menu fitted to a user's permissions and role: only what the server lets them open; empty groups are dropped. */
export function menuFor(granted: readonly string[], role: RoleCode | null = null, menu: readonly MenuGroup[] = MENU): MenuGroup[] {
  return menu.map((group) => ({ ...group, items: group.items.filter((item) => admits(granted, role, item)) })).filter((group) => group.items.length > 0);
}

/** The to-do page (待办, issue 12): where every signed-in role lands. */
export const LANDING = '/inbox';

/**
 * Where a signed-in user lands: the bare address, after logging in without a page to return to (or with one they may
 * not open), and 返回首页 on the 403 and 404 pages. Every role has a to-do page, so it is always LANDING once the menu
 * offers it; until then the first page the user may open, and /403 only for a user who may open nothing.
 */
export function landingPath(granted: readonly string[], role: RoleCode | null = null, menu: readonly MenuGroup[] = MENU): string {
  const items = menuFor(granted, role, menu).flatMap((group) => group.items);
  if (items.some((item) => item.path === LANDING)) return LANDING;
  return items[0]?.path ?? '/403';
}
