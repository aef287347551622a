import { describe, expect, it } from 'vitest';
import { recommendationTag, renewalChartOption, scoreSeries } from './renewal';

describe('renewal basis (RP-5)', () => {
  it('colours the recommendation', () => {
    expect(recommendationTag('renew')).toBe('success');
    expect(recommendationTag('renew_with_conditions')).toBe('warning');
    expect(recommendationTag('do_not_renew')).toBe('danger');
    expect(recommendationTag('other')).toBe('info');
  });

  it('orders totals by assessment date and drops what is not a number', () => {
    // The API's RenewalAssessment: the total is a number (one decimal at most).
    const row = (period: string, assessed_on: string, total: number, passed: boolean, grade: string) => ({
      id: 1,
      period,
      kind: 'routine' as const,
      assessed_on,
      total,
      pass_mark: 60,
      passed,
      grade,
      failed_items: 0,
    });
    const points = scoreSeries([
      row('2027-03', '2027-03-28', 52.5, false, '不合格'),
      row('2027-01', '2027-01-30', 91, true, '优秀'),
      row('2027-02', '2027-02-27', Number.NaN, true, ''),
    ]);
    expect(points).toEqual([
      { period: '2027-01', total: 91, passed: true },
      { period: '2027-03', total: 52.5, passed: false },
    ]);
  });

  it('draws failures red, the pass mark dashed, and honours the no-animation switch', () => {
    const option = renewalChartOption(
      [
        { period: '2027-01', total: 91, passed: true },
        { period: '2027-02', total: 50, passed: false },
      ],
      { total: 'Total', passMark: 'Pass mark' },
      60,
      false,
    );
    expect(option.animation).toBe(false);
    expect(option.xAxis.data).toEqual(['2027-01', '2027-02']);
    expect(option.series[0].data.map((point) => point.itemStyle.color)).toEqual(['#3a7bd5', '#f56c6c']);
    expect(option.series[0].markLine?.data).toEqual([{ yAxis: 60 }]);
    expect(renewalChartOption([], { total: 'T', passMark: 'P' }, null, true).series[0].markLine).toBeUndefined();
  });
});
