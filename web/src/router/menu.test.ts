import { describe, expect, it } from 'vitest';
import type { RoleCode } from '@/api/auth/types';
import { afterLoginPath, decide, type GuardTarget } from './guard';
import { LANDING, MENU, landingPath, menuFor, type MenuGroup } from './menu';

// The to-do page (待办) is every signed-in user's, whatever the permissions: these lists are about the rest.
const names = (permissions: string[]) =>
  menuFor(permissions)
    .flatMap((group) => group.items.map((item) => item.name))
    .filter((name) => name !== 'inbox');

describe('menuFor (permissions → menu)', () => {
  it('gives the admin everything', () => {
    const all = [
      'catalogue:read',
      'catalogue:write',
      'vendor:read',
      'vendor:write',
      'vendor:write_own',
      'audit:read',
      'user:manage',
      'org:manage',
      'settings:manage',
      'dashboard:read',
      'contract:read',
      'contract:write',
      'contract:review',
      'payment:write',
    ];
    expect(names(all)).toEqual(['dashboard', 'categories', 'vendors', 'contracts', 'audit', 'users', 'orgs', 'settings', 'holiday-calendar', 'staff-roles']);
  });
  it('gives discipline inspection the audit trail but no system group', () => {
    const groups = menuFor(['catalogue:read', 'vendor:read', 'audit:read', 'dashboard:read']);
    expect(groups.map((group) => group.name)).toEqual(['main']);
    expect(names(['catalogue:read', 'vendor:read', 'audit:read', 'dashboard:read'])).toContain('audit');
  });
  it('gives a vendor user only catalogue and vendors', () => {
    expect(names(['catalogue:read', 'vendor:read', 'vendor:write_own'])).toEqual(['categories', 'vendors']);
  });
  it('gives contract reviewers the contracts (CON-2)', () => {
    expect(names(['catalogue:read', 'vendor:read', 'contract:read', 'contract:review'])).toEqual(['categories', 'vendors', 'contracts']);
  });
  it('gives a department user the catalogue only, and nothing without permissions', () => {
    expect(names(['catalogue:read'])).toEqual(['categories']);
    expect(names([])).toEqual([]);
  });
});

describe('supervision menu (SUP-1, SUP-2, SUP-6, SUP-7, RP-1)', () => {
  const supervision = (permissions: string[]) =>
    menuFor(permissions)
      .find((group) => group.name === 'supervision')
      ?.items.map((item) => item.name) ?? [];
  const PAGES = ['assessments', 'surveys', 'meetings', 'rectifications', 'communications', 'energy-savings', 'proposals', 'reports'];
  it('gives the office its own group between business and administration', () => {
    const groups = menuFor(['dashboard:read', 'contract:read', 'supervision:read', 'supervision:write', 'user:manage']);
    expect(groups.map((group) => group.name)).toEqual(['main', 'supervision', 'system']);
    expect(supervision(['supervision:read', 'supervision:write'])).toEqual(PAGES);
  });
  it("lets departments and vendors read it (scope is the server's)", () => {
    expect(supervision(['catalogue:read', 'dashboard:read', 'supervision:read', 'survey:answer', 'opinion:write'])).toEqual(PAGES);
    expect(supervision(['catalogue:read', 'vendor:read', 'contract:read', 'supervision:read', 'supervision:respond'])).toEqual(PAGES);
  });
  it('stays hidden from contract reviewers, who hold no supervision permission', () => {
    expect(supervision(['catalogue:read', 'vendor:read', 'contract:read', 'contract:review'])).toEqual([]);
  });
  it('guards the pages: writing needs nothing more to open them, opinions alone do not', () => {
    const meetings = { fullPath: '/meetings/3', meta: { permissions: ['supervision:read'] } };
    expect(decide(meetings, ['supervision:read', 'opinion:write'])).toEqual({ kind: 'allow' });
    expect(decide(meetings, ['opinion:write'])).toEqual({ kind: 'forbidden' });
  });
});

describe('assessments, surveys and proposals (SUP-3, SUP-4, RP-1..RP-4)', () => {
  const supervision = (permissions: string[]) =>
    menuFor(permissions)
      .find((group) => group.name === 'supervision')
      ?.items.map((item) => item.name) ?? [];
  it('shows surveys to a user who may only answer them', () => {
    expect(supervision(['catalogue:read', 'survey:answer'])).toEqual(['surveys']);
  });
  it('shows proposals to a user who may only decide them (ROLE-3)', () => {
    expect(supervision(['proposal:decide'])).toEqual(['proposals']);
  });
  it('guards recording an assessment, answering and deciding by their own permission', () => {
    const record = { fullPath: '/assessments/new?contract_id=1', meta: { permissions: ['supervision:write'] } };
    expect(decide(record, ['supervision:read'])).toEqual({ kind: 'forbidden' });
    expect(decide(record, ['supervision:read', 'supervision:write'])).toEqual({ kind: 'allow' });
    const answer = { fullPath: '/surveys/4/answer', meta: { permissions: ['survey:answer'] } };
    expect(decide(answer, ['supervision:read'])).toEqual({ kind: 'forbidden' });
    expect(decide(answer, ['supervision:read', 'survey:answer'])).toEqual({ kind: 'allow' });
  });
});

describe('projects and procurement menu (PRJ-1, PRJ-3)', () => {
  it('PRJ-1: shows projects and the yearly rules to whoever reads projects, before contracts', () => {
    expect(names(['dashboard:read', 'vendor:read', 'project:read', 'project:write', 'contract:read'])).toEqual([
      'dashboard',
      'vendors',
      'projects',
      'procurement-rules',
      'contracts',
    ]);
  });
  it('PRJ-3: shows the rules to an administrator who edits them, and nothing to those without project permissions', () => {
    expect(names(['procurement:rules'])).toEqual(['procurement-rules']);
    expect(names(['catalogue:read', 'contract:read', 'contract:review'])).not.toContain('projects');
  });
  it('PRJ-7: guards creating a project by project:write', () => {
    const create = { fullPath: '/projects/new', meta: { permissions: ['project:write'] } };
    expect(decide(create, ['project:read', 'bid:submit'])).toEqual({ kind: 'forbidden' });
    expect(decide(create, ['project:read', 'project:write'])).toEqual({ kind: 'allow' });
  });
});

// The permissions of each role as the server grants them (server/src/core/access.cpp PermissionsOf).
const ROLE_PERMISSIONS: Record<RoleCode, string[]> = {
  admin: [
    'catalogue:read',
    'catalogue:write',
    'vendor:read',
    'vendor:write',
    'vendor:write_own',
    'audit:read',
    'user:manage',
    'org:manage',
    'settings:manage',
    'dashboard:read',
    'contract:read',
    'contract:write',
    'contract:review',
    'payment:write',
    'supervision:read',
    'supervision:write',
    'project:read',
    'project:write',
    'procurement:rules',
    'report:internal',
  ],
  office: [
    'catalogue:read',
    'catalogue:write',
    'vendor:read',
    'vendor:write',
    'dashboard:read',
    'contract:read',
    'contract:write',
    'payment:write',
    'supervision:read',
    'supervision:write',
    'project:read',
    'project:write',
    'report:internal',
  ],
  leadership: [
    'catalogue:read',
    'vendor:read',
    'dashboard:read',
    'contract:read',
    'supervision:read',
    'proposal:decide',
    'project:read',
    'project:approve',
    'report:internal',
  ],
  discipline: [
    'catalogue:read',
    'vendor:read',
    'audit:read',
    'dashboard:read',
    'contract:read',
    'supervision:read',
    'project:read',
    'project:witness',
    'report:internal',
  ],
  judicial: ['catalogue:read', 'vendor:read', 'contract:read', 'contract:review'],
  party_office: ['catalogue:read', 'vendor:read', 'contract:read', 'contract:review'],
  department: ['catalogue:read', 'dashboard:read', 'supervision:read', 'survey:answer', 'opinion:write'],
  vendor: ['catalogue:read', 'vendor:read', 'vendor:write_own', 'contract:read', 'supervision:read', 'supervision:respond', 'project:read', 'bid:submit'],
};
const menuOf = (role: RoleCode) => menuFor(ROLE_PERMISSIONS[role], role).flatMap((group) => group.items.map((item) => item.name));

describe('the menu follows the server gate (issue 12, X-7)', () => {
  it('X-7: a vendor sees no procurement standards nor proposals: the server refuses vendors both', () => {
    expect(menuOf('vendor')).not.toContain('procurement-rules');
    expect(menuOf('vendor')).not.toContain('proposals');
    expect(menuOf('vendor')).toEqual(expect.arrayContaining(['categories', 'vendors', 'projects', 'contracts', 'assessments', 'rectifications']));
  });
  it('X-7: a department sees no proposals (refused to departments), but its surveys and meetings', () => {
    expect(menuOf('department')).not.toContain('proposals');
    expect(menuOf('department')).toEqual(expect.arrayContaining(['dashboard', 'surveys', 'meetings']));
  });
  it('X-7: the roles the gate admits still see proposals and the procurement standards', () => {
    for (const role of ['admin', 'office', 'leadership', 'discipline'] as RoleCode[]) {
      expect(menuOf(role)).toContain('proposals');
      expect(menuOf(role)).toContain('procurement-rules');
    }
  });
  it('X-7: the guard refuses a refused role the page itself, as the menu hides it', () => {
    const proposal = {
      fullPath: '/proposals/2',
      meta: { permissions: ['supervision:read', 'proposal:decide'], refusedTo: ['vendor', 'department'] as RoleCode[] },
    };
    expect(decide(proposal, ROLE_PERMISSIONS.vendor, 'vendor')).toEqual({ kind: 'forbidden' });
    expect(decide(proposal, ROLE_PERMISSIONS.department, 'department')).toEqual({ kind: 'forbidden' });
    expect(decide(proposal, ROLE_PERMISSIONS.leadership, 'leadership')).toEqual({ kind: 'allow' });
  });
});

describe('landingPath (issue 12: every role lands on its to-do page)', () => {
  const inbox = { name: 'inbox', path: LANDING, title: 'layout.menu.inbox', icon: 'Bell', permissions: [] };
  const withInbox: MenuGroup[] = [{ ...MENU[0]!, items: [inbox, ...MENU[0]!.items.filter((item) => item.path !== LANDING)] }, ...MENU.slice(1)];
  it('X-6: is the to-do page for every signed-in role', () => {
    for (const role of Object.keys(ROLE_PERMISSIONS) as RoleCode[]) {
      expect(landingPath(ROLE_PERMISSIONS[role], role, withInbox)).toBe('/inbox');
    }
  });
  it('X-6: without a to-do page in the menu, the first page the role may open, and 403 only with none', () => {
    const menu = MENU.map((group) => ({ ...group, items: group.items.filter((item) => item.path !== LANDING) }));
    expect(landingPath(['dashboard:read', 'vendor:read'], 'office', menu)).toBe('/dashboard');
    expect(landingPath(ROLE_PERMISSIONS.judicial, 'judicial', menu)).toBe('/catalogue/categories');
    expect(landingPath([], null, menu)).toBe('/403');
  });
});

describe('afterLoginPath (where logging in leads)', () => {
  const pages: Record<string, GuardTarget> = {
    '/audit?page=2': { fullPath: '/audit?page=2', meta: { permissions: ['audit:read'] } },
    '/proposals/2': { fullPath: '/proposals/2', meta: { permissions: ['supervision:read'], refusedTo: ['vendor'] } },
    '/contracts/7': { fullPath: '/contracts/7', meta: { permissions: ['contract:read'] } },
  };
  const resolve = (path: string) => (pages[path] ? { ...pages[path], found: true } : { fullPath: path, meta: {}, found: false });
  const after = (redirect: unknown, role: RoleCode) => afterLoginPath(redirect, ROLE_PERMISSIONS[role], role, '/inbox', resolve);
  it('X-6: with no page asked for, the bare address or the login page, lands on the to-do page', () => {
    expect(after(undefined, 'leadership')).toBe('/inbox');
    expect(after('/', 'leadership')).toBe('/inbox');
    expect(after('/login', 'leadership')).toBe('/inbox');
  });
  it('X-6: never returns to an error page, an unknown page or another site', () => {
    expect(after('/403', 'judicial')).toBe('/inbox');
    expect(after('/404', 'judicial')).toBe('/inbox');
    expect(after('/no-such-page', 'judicial')).toBe('/inbox');
    expect(after('//evil.example/x', 'judicial')).toBe('/inbox');
    expect(after('https://evil.example/', 'judicial')).toBe('/inbox');
  });
  it('X-7: returns to the page asked for when the role may open it, else lands on the to-do page', () => {
    expect(after('/contracts/7', 'judicial')).toBe('/contracts/7');
    expect(after('/audit?page=2', 'discipline')).toBe('/audit?page=2');
    expect(after('/audit?page=2', 'judicial')).toBe('/inbox');
    expect(after('/proposals/2', 'vendor')).toBe('/inbox');
    expect(after('/proposals/2', 'leadership')).toBe('/proposals/2');
  });
});

describe('decide (route guard)', () => {
  const audit = { fullPath: '/audit?page=2', meta: { permissions: ['audit:read'] } };
  it('sends the unauthenticated to login with the way back', () => {
    expect(decide(audit, null)).toEqual({ kind: 'login', redirect: '/audit?page=2' });
  });
  it('forbids a missing permission and allows a held one', () => {
    expect(decide(audit, ['vendor:read'])).toEqual({ kind: 'forbidden' });
    expect(decide(audit, ['audit:read'])).toEqual({ kind: 'allow' });
  });
  it('lets anyone reach public pages', () => {
    expect(decide({ fullPath: '/login', meta: { public: true } }, null)).toEqual({ kind: 'allow' });
  });
});
