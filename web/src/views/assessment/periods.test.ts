import { describe, expect, it } from 'vitest';
import { defaultPeriod, isUnfinished, periodOptions } from './periods';

const periods = [
  { period: '2027-01', first: '2027-01-01', last: '2027-01-31', assessed: true },
  { period: '2027-02', first: '2027-02-01', last: '2027-02-28', assessed: false },
  { period: '2027-03', first: '2027-03-01', last: '2027-03-31', assessed: false },
  { period: '2027-04', first: '2027-04-01', last: '2027-04-30', assessed: false },
];

describe('assessment periods (SUP-3)', () => {
  it('disables future periods and, for routine assessments, assessed ones', () => {
    const options = periodOptions(periods, '2027-03-15', 'routine');
    expect(options.map((option) => option.block)).toEqual(['future', null, null, 'assessed']);
    expect(options.map((option) => option.disabled)).toEqual([true, false, false, true]);
  });
  it('lets a special assessment use an assessed period, never a future one', () => {
    const options = periodOptions(periods, '2027-03-15', 'special');
    expect(options.map((option) => option.block)).toEqual(['future', null, null, null]);
  });
  it('counts a period starting today as started', () => {
    expect(periodOptions(periods, '2027-04-01', 'routine')[0].disabled).toBe(false);
  });
  it("follows the server's future flag when it sends one", () => {
    const flagged = [
      { ...periods[2], future: true },
      { ...periods[3], future: false },
    ];
    expect(periodOptions(flagged, '2027-03-15', 'routine').map((option) => option.block)).toEqual([null, 'future']);
  });
  it('lists the newest period first', () => {
    expect(periodOptions(periods, '2027-03-15', 'routine').map((option) => option.period)).toEqual(['2027-04', '2027-03', '2027-02', '2027-01']);
  });
  it('tells a period that has not ended yet', () => {
    expect(isUnfinished(periods[2], '2027-03-15')).toBe(true);
    expect(isUnfinished(periods[2], '2027-03-31')).toBe(true);
    expect(isUnfinished(periods[1], '2027-03-15')).toBe(false);
  });
  it('proposes the latest period still open', () => {
    expect(defaultPeriod(periodOptions(periods, '2027-03-15', 'routine'))).toBe('2027-03');
    expect(defaultPeriod(periodOptions(periods.slice(0, 1), '2027-03-15', 'routine'))).toBe('');
  });
});
