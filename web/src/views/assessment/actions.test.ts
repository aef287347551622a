import { describe, expect, it } from 'vitest';
import { canAppeal, canDecideAppeal, statusTagType } from './actions';

const VENDOR = ['supervision:read', 'supervision:respond'];
const OFFICE = ['supervision:read', 'supervision:write'];

function pending(status: 'pending' | 'upheld' | 'changed') {
  return {
    appeal: {
      reason: 'r',
      attachments: [],
      created_by: 'v',
      created_at: '',
      status,
      decision_reason: '',
      decided_by: '',
      decided_at: null,
      previous_total: '52.5',
    },
  };
}

describe('appeal buttons (SUP-8)', () => {
  it('offers 申诉 to the vendor only while the server allows it', () => {
    expect(canAppeal({ can_appeal: true }, VENDOR)).toBe(true);
    expect(canAppeal({ can_appeal: false }, VENDOR)).toBe(false);
    expect(canAppeal({ can_appeal: true }, OFFICE)).toBe(false);
  });
  it('offers 处理申诉 to the office while the appeal is pending', () => {
    expect(canDecideAppeal(pending('pending'), OFFICE)).toBe(true);
    expect(canDecideAppeal(pending('changed'), OFFICE)).toBe(false);
    expect(canDecideAppeal(pending('pending'), VENDOR)).toBe(false);
    expect(canDecideAppeal({ appeal: null }, OFFICE)).toBe(false);
  });
  it('colours the statuses', () => {
    expect(statusTagType('appealed')).toBe('warning');
    expect(statusTagType('other')).toBe('info');
  });
});
