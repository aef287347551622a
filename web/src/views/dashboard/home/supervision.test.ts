import { describe, expect, it } from 'vitest';
import { chartNumber, deductionsOption, proposalRows, reminderTarget, satisfactionOption, scoresOption } from './supervision';

describe('supervision dashboard (X-3)', () => {
  it('reads scores, money and gaps for drawing', () => {
    expect(chartNumber(87.5)).toBe(87.5);
    expect(chartNumber('87.5')).toBe(87.5);
    expect(chartNumber('1200.00')).toBe(1200);
    expect(chartNumber('1,200.50')).toBe(1200.5);
    expect(chartNumber(null)).toBeNull();
    expect(chartNumber('n/a')).toBeNull();
  });
  it('draws averages on a 0..100 axis with the counts beside them', () => {
    const option = scoresOption(
      [
        { period: '2027-01', average: '88.5', count: 2 },
        { period: '2027-02', average: 'n/a', count: 0 },
      ],
      { average: 'avg', count: 'n' },
      { animation: false },
    );
    expect(option.animation).toBe(false);
    expect(option.xAxis.data).toEqual(['2027-01', '2027-02']);
    expect(option.series[1].data).toEqual([88.5, null]);
    expect(option.series[0].data).toEqual([2, 0]);
  });
  it('draws rates as percentages', () => {
    const option = satisfactionOption(
      [
        { period: '2027-Q1', rate: '83.33%', valid: 6 },
        { period: '2027-Q2', rate: null, valid: 0 },
      ],
      'rate',
      { animation: true },
    );
    expect(option.series[0].data).toEqual([83.33, null]);
  });
  it('lists every proposal status, zero when missing', () => {
    expect(proposalRows({ pending_office: 2, approved: 1 })).toEqual([
      { status: 'pending_office', count: 2 },
      { status: 'pending_leadership', count: 0 },
      { status: 'approved', count: 1 },
      { status: 'rejected', count: 0 },
      { status: 'withdrawn', count: 0 },
    ]);
    expect(proposalRows(null).every((row) => row.count === 0)).toBe(true);
  });
  it('draws deductions from money text', () => {
    expect(deductionsOption([{ period: '2027-03', amount: '750.00' }], 'd', { animation: false }).series[0].data).toEqual([750]);
  });
});

describe('reminder targets (X-2)', () => {
  it('keeps the server link for most kinds', () => {
    expect(reminderTarget('proposal_pending', '/proposals/4')).toBe('/proposals/4');
    expect(reminderTarget('rectification_overdue', '/api/v1/rectifications/2')).toBe('/rectifications/2');
    expect(reminderTarget('contract_expiring', '/contracts/3')).toBe('/contracts/3');
  });
  it('opens the answer page of a survey to answer', () => {
    expect(reminderTarget('survey_open', '/surveys/5')).toBe('/surveys/5/answer');
    expect(reminderTarget('survey_open', '/surveys/5/answer')).toBe('/surveys/5/answer');
  });
  it('opens the recording form for an assessment due on a contract', () => {
    expect(reminderTarget('assessment_due', '/contracts/3')).toBe('/assessments/new?contract_id=3');
    expect(reminderTarget('assessment_due', '/api/v1/contracts/3/assessment-form')).toBe('/assessments/new?contract_id=3');
    expect(reminderTarget('assessment_due', '/assessments/new?contract_id=3')).toBe('/assessments/new?contract_id=3');
  });
  it("falls back to the kind's list without a link", () => {
    expect(reminderTarget('survey_open', null)).toBe('/surveys?mine=pending');
    expect(reminderTarget('meeting_upcoming', '')).toBe('/meetings');
    expect(reminderTarget('unknown', null)).toBeNull();
  });
});
