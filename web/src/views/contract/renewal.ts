import type { Recommendation, RenewalAssessment } from '@/api/report/types';

type TagType = 'success' | 'warning' | 'danger' | 'info';

/** The recommendation's colour (RP-5): renew green, with conditions orange, do not renew red. */
export function recommendationTag(recommendation: Recommendation | string): TagType {
  if (recommendation === 'renew') return 'success';
  if (recommendation === 'renew_with_conditions') return 'warning';
  if (recommendation === 'do_not_renew') return 'danger';
  return 'info';
}

export interface ScorePoint {
  period: string;
  total: number;
  passed: boolean;
}

/**
 * Assessment totals in time order for the chart. Scores carry one decimal at most, so turning the text into a
 * number for drawing loses nothing; totals that are not numbers are left out.
 */
export function scoreSeries(assessments: readonly RenewalAssessment[]): ScorePoint[] {
  return [...assessments]
    .sort((a, b) => (a.assessed_on || a.period).localeCompare(b.assessed_on || b.period) || a.period.localeCompare(b.period))
    .map((row) => ({ period: row.period, total: Number(row.total), passed: row.passed }))
    .filter((point) => Number.isFinite(point.total));
}

export interface ChartLabels {
  total: string;
  passMark: string;
}

/** Line of totals over time, failed assessments in red, the pass mark as a dashed line when known. */
export function renewalChartOption(points: readonly ScorePoint[], labels: ChartLabels, passMark: number | null, animation: boolean) {
  return {
    animation,
    tooltip: { trigger: 'axis' },
    legend: { data: [labels.total] },
    grid: { left: 50, right: 30, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: points.map((point) => point.period) },
    yAxis: { type: 'value', min: 0, max: 100 },
    series: [
      {
        name: labels.total,
        type: 'line',
        data: points.map((point) => ({ value: point.total, itemStyle: { color: point.passed ? '#3a7bd5' : '#f56c6c' } })),
        symbolSize: 8,
        lineStyle: { color: '#3a7bd5' },
        markLine:
          passMark === null
            ? undefined
            : {
                symbol: 'none',
                silent: true,
                lineStyle: { type: 'dashed', color: '#e6a23c' },
                label: { formatter: `${labels.passMark} ${passMark}` },
                data: [{ yAxis: passMark }],
              },
      },
    ],
  };
}
