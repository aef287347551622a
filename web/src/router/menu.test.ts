import { describe, expect, it } from 'vitest';
import { decide } from './guard';
import { homePath, menuFor } from './menu';

const names = (permissions: string[]) => menuFor(permissions).flatMap((group) => group.items.map((item) => item.name));

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
    expect(names(all)).toEqual(['dashboard', 'categories', 'vendors', 'contracts', 'audit', 'users', 'orgs', 'settings']);
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
    expect(menuFor([])).toEqual([]);
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

describe('homePath', () => {
  it('is the dashboard when allowed, else the first allowed page', () => {
    expect(homePath(['dashboard:read', 'vendor:read'])).toBe('/dashboard');
    expect(homePath(['catalogue:read', 'vendor:read'])).toBe('/catalogue/categories');
    expect(homePath([])).toBeNull();
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
