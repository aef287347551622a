import { describe, expect, it } from 'vitest';
import { projectButtons, routeTagType, statusTagType } from './actions';

const ids = (allowed: string[], permissions: string[]) => projectButtons(allowed, permissions).map((button) => button.testId);

describe('project buttons (PRJ-2, PRJ-7, PRJ-8)', () => {
  it('PRJ-2: shows what the server allows and the user may do, in workflow order', () => {
    expect(ids(['submit', 'edit'], ['project:read', 'project:write'])).toEqual(['project-edit', 'project-submit']);
    expect(ids(['approve', 'return'], ['project:read', 'project:approve'])).toEqual(['project-approve', 'project-return']);
    expect(ids(['approve', 'return'], ['project:read', 'project:write'])).toEqual([]);
  });
  it('PRJ-7: vendors register and bid; the office registers others, opens and awards', () => {
    expect(ids(['register', 'bid'], ['project:read', 'bid:submit'])).toEqual(['project-register', 'project-bid']);
    expect(ids(['register', 'bid', 'open'], ['project:read', 'project:write'])).toEqual(['project-register', 'project-open']);
    expect(ids(['award', 'set_ceiling'], ['project:read', 'project:approve'])).toEqual(['project-set-ceiling']);
  });
  it('PRJ-7: only the discipline-inspection witness is offered the consent, in their own session', () => {
    expect(ids(['witness_opening'], ['project:read', 'project:witness'])).toEqual(['project-witness-consent']);
    expect(ids(['witness_open_bidding'], ['project:read', 'project:witness'])).toEqual(['project-witness-consent']);
    expect(ids(['witness_opening', 'open'], ['project:read', 'project:write'])).toEqual(['project-open']);
  });
  it('PRJ-2: ignores actions it does not know, so a newer server cannot break the page', () => {
    expect(ids(['reopen', 'open_bidding'], ['project:write'])).toEqual(['project-open-bidding']);
  });
  it('PRJ-3: colours the routes and statuses', () => {
    expect(routeTagType('government')).toBe('danger');
    expect(routeTagType('internal')).toBe('success');
    expect(routeTagType(null)).toBe('info');
    expect(statusTagType('failed')).toBe('danger');
    expect(statusTagType('awarded')).toBe('success');
  });
});
