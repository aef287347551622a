import { describe, expect, it } from 'vitest';
import { isSystemEntry, proposeNoteWords, ruleBasis, settingsVersionWords, systemNoteWords, thresholdValueWords } from './format';

describe('proposal internals in words (X-6)', () => {
  it('X-6 reads the rule version as the article of the rules it applies', () => {
    expect(ruleBasis('D1-Art8/v1')).toEqual({ key: 'proposal.format.ruleBasis', params: { article: 8, version: 1 } });
    expect(ruleBasis('something else')).toBeNull();
  });
  it('X-6 reads the settings version as words, S0 being the settings never changed', () => {
    expect(settingsVersionWords('S0')).toEqual({ key: 'proposal.format.settingsDefault' });
    expect(settingsVersionWords('S12')).toEqual({ key: 'proposal.format.settingsChanged', params: { change: 12 } });
    expect(settingsVersionWords('?').key).toBe('proposal.format.settingsUnknown');
  });
  it('X-6 reads a money clause "100.00 cap 3000.00" as amount and cap with thousands separators', () => {
    expect(thresholdValueWords('per_point_below_pass', '100.00 cap 3000.00')).toEqual({
      key: 'proposal.format.clause.per_point_below_pass',
      params: { amount: '100.00', cap: '3,000.00' },
    });
    expect(thresholdValueWords('per_missing_staff_day', '1200.5 cap 10000').params).toEqual({ amount: '1,200.50', cap: '10,000.00' });
    expect(thresholdValueWords('period_fee', '46153.84')).toEqual({ key: 'proposal.format.yuan', params: { amount: '46,153.84' } });
  });
  it('X-6 gives points, percentages, counts and windows their units', () => {
    expect(thresholdValueWords('pass_mark', 80)).toEqual({ key: 'proposal.format.points', params: { value: '80' } });
    expect(thresholdValueWords('satisfaction_percent', '60%')).toEqual({ key: 'proposal.format.percent', params: { value: '60' } });
    expect(thresholdValueWords('failures_threshold', 3)).toEqual({ key: 'proposal.format.times', params: { value: '3' } });
    expect(thresholdValueWords('window', 'contract_year')).toEqual({ key: 'proposal.windowKind.contract_year' });
    expect(thresholdValueWords('unknown_setting', 'x')).toEqual({ key: '', params: { value: 'x' } });
  });
  it('X-6 reads the note the rules write when they propose as its trigger in words', () => {
    expect(proposeNoteWords('RP-2 D1-Art8/v1 (trigger: office)')).toEqual({ key: 'proposal.format.triggerUser' });
    expect(proposeNoteWords('RP-3 D1-Art8/v1 (trigger: daily-job)')).toEqual({ key: 'proposal.format.triggerDaily' });
    expect(proposeNoteWords('a comment a person wrote')).toBeNull();
    expect(isSystemEntry({ role: 'system' })).toBe(true);
    expect(isSystemEntry({ role: 'office' })).toBe(false);
  });
  it("X-6 reads the rules' withdrawal note in the user's language, not as the server's bilingual sentence", () => {
    const withdrawal = { action: 'withdraw', role: 'system', comment: '依据的事实已变化 / The evidence changed' };
    expect(systemNoteWords(withdrawal)).toEqual({ key: 'proposal.format.withdrawnByRules' });
    expect(systemNoteWords({ action: 'propose', role: 'system', comment: 'RP-2 D1-Art8/v1 (trigger: daily-job)' })).toEqual({
      key: 'proposal.format.triggerDaily',
    });
    expect(systemNoteWords({ action: 'withdraw', role: 'office', comment: 'mine' })).toBeNull();
  });
});
