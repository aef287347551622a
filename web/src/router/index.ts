import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router';
import type { Permission, RoleCode } from '@/api/auth/types';
import { useSessionStore } from '@/stores/session';
import AppLayout from '@/layout/AppLayout.vue';
import { afterLoginPath, decide } from './guard';
import { PROCUREMENT_RULES_REFUSED, PROPOSALS_REFUSED, landingPath } from './menu';

declare module 'vue-router' {
  interface RouteMeta {
    public?: boolean;
    permissions?: Permission[];
    /** Roles the server refuses although they hold a permission (menu.ts MenuItem.refusedTo). */
    refusedTo?: RoleCode[];
    /** i18n key of the page title. */
    title?: string;
    /** Menu entry to highlight. */
    menu?: string;
  }
}

const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('@/views/auth/login/index.vue'), meta: { public: true, title: 'auth.login.title' } },
  {
    path: '/',
    component: AppLayout,
    children: [
      {
        // The bare address (`/`, `/#/`). A redirect would run before the guard has loaded the session, with no
        // permissions yet (every role once landed on /login?redirect=/403 from here, issue 12); so the guard below sends
        // it on, once it knows who is signed in: to the login page, or to the user's landing page. Nothing renders here.
        path: '',
        name: 'home',
        component: { render: () => null },
      },
      {
        // The to-do inbox (issue 12): every signed-in role's landing page, whatever its permissions.
        path: 'inbox',
        name: 'inbox',
        component: () => import('@/views/inbox/InboxView.vue'),
        meta: { title: 'inbox.title', menu: '/inbox' },
      },
      {
        path: 'dashboard',
        name: 'dashboard',
        component: () => import('@/views/dashboard/home/index.vue'),
        meta: { permissions: ['dashboard:read'], title: 'layout.menu.dashboard', menu: '/dashboard' },
      },
      {
        path: 'catalogue/categories',
        name: 'categories',
        component: () => import('@/views/catalogue/category/index.vue'),
        meta: { permissions: ['catalogue:read'], title: 'layout.menu.categories', menu: '/catalogue/categories' },
      },
      {
        path: 'vendors',
        name: 'vendors',
        component: () => import('@/views/vendor/list/index.vue'),
        meta: { permissions: ['vendor:read'], title: 'layout.menu.vendors', menu: '/vendors' },
      },
      {
        path: 'vendors/:id(\\d+)',
        name: 'vendor-detail',
        component: () => import('@/views/vendor/detail/index.vue'),
        meta: { permissions: ['vendor:read'], title: 'vendor.detail.title', menu: '/vendors' },
      },
      // Projects and procurement (PRJ-1 … PRJ-8).
      {
        path: 'projects',
        name: 'projects',
        component: () => import('@/views/project/list/index.vue'),
        meta: { permissions: ['project:read'], title: 'layout.menu.projects', menu: '/projects' },
      },
      {
        path: 'projects/new',
        name: 'project-new',
        component: () => import('@/views/project/editor/index.vue'),
        meta: { permissions: ['project:write'], title: 'project.editor.createTitle', menu: '/projects' },
      },
      {
        path: 'projects/:id(\\d+)/edit',
        name: 'project-edit',
        component: () => import('@/views/project/editor/index.vue'),
        meta: { permissions: ['project:write'], title: 'project.editor.editTitle', menu: '/projects' },
      },
      {
        path: 'projects/:id(\\d+)',
        name: 'project-detail',
        component: () => import('@/views/project/detail/index.vue'),
        meta: { permissions: ['project:read'], title: 'project.detail.title', menu: '/projects' },
      },
      {
        path: 'procurement-rules',
        name: 'procurement-rules',
        component: () => import('@/views/project/rules/index.vue'),
        meta: {
          permissions: ['procurement:rules', 'project:read'],
          refusedTo: PROCUREMENT_RULES_REFUSED,
          title: 'layout.menu.procurementRules',
          menu: '/procurement-rules',
        },
      },
      {
        path: 'contracts',
        name: 'contracts',
        component: () => import('@/views/contract/list/index.vue'),
        meta: { permissions: ['contract:read'], title: 'layout.menu.contracts', menu: '/contracts' },
      },
      {
        path: 'contracts/new',
        name: 'contract-new',
        component: () => import('@/views/contract/editor/index.vue'),
        meta: { permissions: ['contract:write'], title: 'contract.editor.createTitle', menu: '/contracts' },
      },
      {
        path: 'contracts/:id(\\d+)/edit',
        name: 'contract-edit',
        component: () => import('@/views/contract/editor/index.vue'),
        meta: { permissions: ['contract:write'], title: 'contract.editor.editTitle', menu: '/contracts' },
      },
      {
        path: 'contracts/:id(\\d+)',
        name: 'contract-detail',
        component: () => import('@/views/contract/detail/index.vue'),
        meta: { permissions: ['contract:read'], title: 'contract.detail.title', menu: '/contracts' },
      },
      // Assessments, surveys and proposals (SUP-3, SUP-4, SUP-8, RP-1..RP-4).
      {
        path: 'assessments',
        name: 'assessments',
        component: () => import('@/views/assessment/list/index.vue'),
        meta: { permissions: ['supervision:read'], title: 'assessment.menu', menu: '/assessments' },
      },
      {
        path: 'assessments/new',
        name: 'assessment-new',
        component: () => import('@/views/assessment/new/index.vue'),
        meta: { permissions: ['supervision:write'], title: 'assessment.new.title', menu: '/assessments' },
      },
      {
        path: 'assessments/:id(\\d+)',
        name: 'assessment-detail',
        component: () => import('@/views/assessment/detail/index.vue'),
        meta: { permissions: ['supervision:read'], title: 'assessment.detail.title', menu: '/assessments' },
      },
      {
        path: 'surveys',
        name: 'surveys',
        component: () => import('@/views/survey/list/index.vue'),
        meta: { permissions: ['supervision:read', 'survey:answer'], title: 'survey.menu', menu: '/surveys' },
      },
      {
        path: 'surveys/:id(\\d+)/answer',
        name: 'survey-answer',
        component: () => import('@/views/survey/answer/index.vue'),
        meta: { permissions: ['survey:answer'], title: 'survey.answer.title', menu: '/surveys' },
      },
      {
        path: 'surveys/:id(\\d+)',
        name: 'survey-detail',
        component: () => import('@/views/survey/results/index.vue'),
        meta: { permissions: ['supervision:read'], title: 'survey.results.title', menu: '/surveys' },
      },
      {
        path: 'proposals',
        name: 'proposals',
        component: () => import('@/views/proposal/list/index.vue'),
        meta: { permissions: ['supervision:read', 'proposal:decide'], refusedTo: PROPOSALS_REFUSED, title: 'proposal.menu', menu: '/proposals' },
      },
      {
        path: 'proposals/:id(\\d+)',
        name: 'proposal-detail',
        component: () => import('@/views/proposal/detail/index.vue'),
        meta: {
          permissions: ['supervision:read', 'proposal:decide'],
          refusedTo: PROPOSALS_REFUSED,
          title: 'proposal.detail.title',
          menu: '/proposals',
        },
      },
      // Work meetings, rectifications, communications, energy saving, reports (SUP-1, SUP-2, SUP-6, SUP-7, RP-1).
      {
        path: 'meetings',
        name: 'meetings',
        component: () => import('@/views/meeting/list/index.vue'),
        meta: { permissions: ['supervision:read'], title: 'meeting.menu', menu: '/meetings' },
      },
      {
        path: 'meetings/:id(\\d+)',
        name: 'meeting-detail',
        component: () => import('@/views/meeting/detail/index.vue'),
        meta: { permissions: ['supervision:read'], title: 'meeting.detail.title', menu: '/meetings' },
      },
      {
        path: 'rectifications',
        name: 'rectifications',
        component: () => import('@/views/rectification/list/index.vue'),
        meta: { permissions: ['supervision:read'], title: 'rectification.menu', menu: '/rectifications' },
      },
      {
        path: 'rectifications/:id(\\d+)',
        name: 'rectification-detail',
        component: () => import('@/views/rectification/detail/index.vue'),
        meta: { permissions: ['supervision:read'], title: 'rectification.detail.title', menu: '/rectifications' },
      },
      {
        path: 'communications',
        name: 'communications',
        component: () => import('@/views/communication/log/index.vue'),
        meta: { permissions: ['supervision:read'], title: 'communication.menu', menu: '/communications' },
      },
      {
        path: 'energy-savings',
        name: 'energy-savings',
        component: () => import('@/views/energy/list/index.vue'),
        meta: { permissions: ['supervision:read'], title: 'energy.menu', menu: '/energy-savings' },
      },
      {
        path: 'reports',
        name: 'reports',
        component: () => import('@/views/report/home/index.vue'),
        meta: { permissions: ['supervision:read'], title: 'report.menu', menu: '/reports' },
      },
      {
        path: 'audit',
        name: 'audit',
        component: () => import('@/views/audit/trail/index.vue'),
        meta: { permissions: ['audit:read'], title: 'layout.menu.audit', menu: '/audit' },
      },
      {
        path: 'system/users',
        name: 'users',
        component: () => import('@/views/system/user/index.vue'),
        meta: { permissions: ['user:manage'], title: 'layout.menu.users', menu: '/system/users' },
      },
      {
        path: 'system/orgs',
        name: 'orgs',
        component: () => import('@/views/system/org/index.vue'),
        meta: { permissions: ['org:manage'], title: 'layout.menu.orgs', menu: '/system/orgs' },
      },
      {
        path: 'system/settings',
        name: 'settings',
        component: () => import('@/views/system/setting/index.vue'),
        meta: { permissions: ['settings:manage'], title: 'layout.menu.settings', menu: '/system/settings' },
      },
      {
        // STF-1: a served department reads the rosters of the contracts that serve it.
        path: 'served-staff',
        name: 'served-staff',
        component: () => import('@/views/staff/served/index.vue'),
        meta: { permissions: ['roster:read_served'], title: 'servedstaff.menu', menu: '/served-staff' },
      },
      {
        // The holiday calendar (STF-6): staffing compliance reads each day's type from it.
        path: 'system/holiday-calendar',
        name: 'holiday-calendar',
        component: () => import('@/views/system/holiday-calendar/index.vue'),
        meta: { permissions: ['settings:manage'], title: 'staff.holiday.menu', menu: '/system/holiday-calendar' },
      },
      {
        // The roles a person on a roster may have (STF-1): a setting.
        path: 'system/staff-roles',
        name: 'staff-roles',
        component: () => import('@/views/system/staff-role/index.vue'),
        meta: { permissions: ['settings:manage'], title: 'staffrole.menu', menu: '/system/staff-roles' },
      },
      // The user guide of the user's own role and the other roles' guides (docs/guide), for every signed-in user (X-6).
      { path: 'help/:role?', name: 'help', component: () => import('@/views/help/index.vue'), meta: { title: 'help.title', menu: '/help' } },
      { path: '403', name: 'forbidden', component: () => import('@/views/error/forbidden/index.vue'), meta: { title: 'common.error.forbiddenTitle' } },
      {
        path: ':pathMatch(.*)*',
        name: 'not-found',
        component: () => import('@/views/error/not-found/index.vue'),
        meta: { title: 'common.error.notFoundTitle' },
      },
    ],
  },
];

export const router = createRouter({
  // Hash history: the page works from any static file server, with no server-side fallback route.
  history: createWebHashHistory(),
  routes,
});

router.beforeEach(async (to) => {
  const session = useSessionStore();
  await session.ensureLoaded();
  const role = session.user?.role ?? null;
  if (session.user && (to.name === 'home' || to.name === 'login')) {
    // Signed in: the bare address and the login page lead on to the page asked for, if the user may open it, else to
    // the landing page (the to-do page).
    return afterLoginPath(to.query.redirect, session.permissions, role, landingPath(session.permissions, role), resolveTarget);
  }
  if (to.name === 'home') return { name: 'login' };
  const decision = decide(to, session.user ? session.permissions : null, role);
  if (decision.kind === 'login') {
    return { name: 'login', query: decision.redirect && decision.redirect !== '/' ? { redirect: decision.redirect } : {} };
  }
  if (decision.kind === 'forbidden') return { name: 'forbidden' };
  return true;
});

/** A path as the router knows it, for afterLoginPath: its meta, and whether a page other than 404 answers it. */
export function resolveTarget(path: string) {
  const resolved = router.resolve(path);
  return { fullPath: resolved.fullPath, meta: resolved.meta, found: resolved.matched.length > 0 && resolved.name !== 'not-found' && resolved.name !== 'home' };
}
