import { allows } from './menu';

export type GuardDecision = { kind: 'allow' } | { kind: 'login'; redirect: string } | { kind: 'forbidden' };

export interface GuardTarget {
  fullPath: string;
  meta: { public?: boolean; permissions?: readonly string[] };
}

/** Route guard as a pure function: unauthenticated → /login, missing permission → 403. */
export function decide(target: GuardTarget, permissions: readonly string[] | null): GuardDecision {
  if (target.meta.public) return { kind: 'allow' };
  if (permissions === null) return { kind: 'login', redirect: target.fullPath };
  return allows(permissions, target.meta.permissions) ? { kind: 'allow' } : { kind: 'forbidden' };
}
