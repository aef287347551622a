import { describe, expect, it } from 'vitest';
import { actionButtons, reviewKindOf, statusTag } from './actions';

const OFFICE = ['contract:read', 'contract:write', 'payment:write'];
const JUDICIAL = ['contract:read', 'contract:review'];

describe('allowed actions → buttons', () => {
  it('shows a draft editor edit and submit', () => {
    expect(actionButtons(['edit', 'submit'], OFFICE).map((b) => b.testId)).toEqual(['contract-edit', 'contract-submit']);
  });
  it('turns review into approve and return for a reviewer', () => {
    const buttons = actionButtons(['review'], JUDICIAL);
    expect(buttons.map((b) => b.command)).toEqual(['approve', 'return']);
    expect(buttons.map((b) => b.testId)).toEqual(['contract-review-approve', 'contract-review-return']);
  });
  it('hides actions the user has no permission for', () => {
    expect(actionButtons(['review', 'edit'], OFFICE).map((b) => b.command)).toEqual(['edit']);
    expect(actionButtons(['sign', 'terminate'], JUDICIAL)).toEqual([]);
    expect(actionButtons(['edit'], ['contract:read'])).toEqual([]);
  });
  it('keeps workflow order and ignores unknown actions', () => {
    const buttons = actionButtons(['terminate', 'frobnicate', 'renew', 'amend'], OFFICE);
    expect(buttons.map((b) => b.command)).toEqual(['amend', 'renew', 'terminate']);
  });
  it('offers sign for an approved contract', () => {
    expect(actionButtons(['sign'], OFFICE).map((b) => b.testId)).toEqual(['contract-sign']);
  });
});

describe('review kind and status tag', () => {
  it('maps reviewer roles to their review', () => {
    expect(reviewKindOf('judicial')).toBe('legal');
    expect(reviewKindOf('party_office')).toBe('text');
    expect(reviewKindOf('office')).toBeNull();
  });
  it('colours every status', () => {
    expect(statusTag('active')).toEqual({ type: 'success', effect: 'dark' });
    expect(statusTag('signed')).toEqual({ type: 'success', effect: 'light' });
    expect(statusTag('returned').type).toBe('warning');
    expect(statusTag('terminated').type).toBe('danger');
    expect(statusTag('unknown').type).toBe('info');
  });
});
