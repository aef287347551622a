import type { RoleCode } from '@/api/auth/types';
import { admits } from './menu';

export type GuardDecision = { kind: 'allow' } | { kind: 'login'; redirect: string } | { kind: 'forbidden' };

export interface GuardTarget {
  fullPath: string;
  meta: { public?: boolean; permissions?: readonly string[]; refusedTo?: readonly RoleCode[] };
}

/**
 * Route guard as a pure function: unauthenticated → /login, missing permission or a role the server's gate refuses
 * (meta.refusedTo, as in the menu) → 403.
 */
export function decide(target: GuardTarget, permissions: readonly string[] | null, role: RoleCode | null = null): GuardDecision {
  if (target.meta.public) return { kind: 'allow' };
  if (permissions === null) return { kind: 'login', redirect: target.fullPath };
  return admits(permissions, role, target.meta) ? { kind: 'allow' } : { kind: 'forbidden' };
}

/** The error pages: never a place to return to after logging in (a stale link to /403 or /404). */
const ERROR_PAGE = /^\/(403|404)(\/|\?|#|$)/;

/**
 * Where to go right after logging in: the page that asked for the login when the user may open it, else the landing
 * page. `resolve` looks the path up in the router (its meta and whether it exists); a path it does not know (404), an
 * error page, an outside address or a page the role is refused all lead to `landing` instead of an error page.
 */
export function afterLoginPath(
  redirect: unknown,
  permissions: readonly string[],
  role: RoleCode | null,
  landing: string,
  resolve: (path: string) => (GuardTarget & { found: boolean }) | null,
): string {
  if (typeof redirect !== 'string' || !redirect.startsWith('/') || redirect.startsWith('//') || ERROR_PAGE.test(redirect)) return landing;
  if (redirect === '/' || redirect === '/login' || redirect.startsWith('/login?')) return landing;
  const target = resolve(redirect);
  if (!target || !target.found) return landing;
  return decide(target, permissions, role).kind === 'allow' ? redirect : landing;
}
