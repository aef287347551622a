import type { SupervisionDashboard } from '@/api/dashboard/types';
import { PROPOSAL_STATUSES, type ProposalStatus } from '@/api/proposal/types';
import { percentValue } from '@/utils/percent';
import { normalizeMoney } from '@/utils/money';
import { reminderRoute } from '@/utils/link';

/**
 * Chart options for the supervision part of the dashboard. Scores, rates and money arrive exact (numbers with
 * one decimal, "83.33%", "1200.00"); they become plain numbers here only to be drawn.
 */

/** A score or amount for drawing; null (a gap in the line) when absent or unreadable. */
export function chartNumber(value: number | string | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const money = normalizeMoney(value);
  if (money !== null) return Number(money);
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}

interface Base {
  animation: boolean;
}

export function scoresOption(scores: SupervisionDashboard['scores'], labels: { average: string; count: string }, base: Base) {
  return {
    animation: base.animation,
    tooltip: { trigger: 'axis' },
    legend: { data: [labels.average, labels.count] },
    grid: { left: 40, right: 40, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: scores.map((row) => row.period) },
    yAxis: [
      { type: 'value', min: 0, max: 100 },
      { type: 'value', minInterval: 1, splitLine: { show: false } },
    ],
    series: [
      { name: labels.count, type: 'bar', yAxisIndex: 1, data: scores.map((row) => row.count), itemStyle: { color: '#c6e2ff' } },
      { name: labels.average, type: 'line', data: scores.map((row) => chartNumber(row.average)), itemStyle: { color: '#1f4e8c' }, connectNulls: false },
    ],
  };
}

export function satisfactionOption(rows: SupervisionDashboard['satisfaction'], label: string, base: Base) {
  return {
    animation: base.animation,
    tooltip: { trigger: 'axis', valueFormatter: (value: number | null) => (value === null ? '' : `${value}%`) },
    legend: { data: [label] },
    grid: { left: 40, right: 20, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: rows.map((row) => row.period) },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [{ name: label, type: 'line', data: rows.map((row) => percentValue(row.rate)), itemStyle: { color: '#67c23a' }, areaStyle: { opacity: 0.15 } }],
  };
}

export function proposalRows(proposals: Partial<Record<ProposalStatus, number>> | null | undefined): { status: ProposalStatus; count: number }[] {
  return PROPOSAL_STATUSES.map((status) => ({ status, count: proposals?.[status] ?? 0 }));
}

const PROPOSAL_COLORS: Record<ProposalStatus, string> = {
  pending_office: '#e6a23c',
  pending_leadership: '#409eff',
  approved: '#67c23a',
  rejected: '#f56c6c',
  withdrawn: '#909399',
};

export function proposalsOption(proposals: SupervisionDashboard['proposals'], label: (status: ProposalStatus) => string, base: Base) {
  const rows = proposalRows(proposals);
  return {
    animation: base.animation,
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 20, top: 20, bottom: 30 },
    xAxis: { type: 'category', data: rows.map((row) => label(row.status)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', data: rows.map((row) => ({ value: row.count, itemStyle: { color: PROPOSAL_COLORS[row.status] } })) }],
  };
}

export function deductionsOption(rows: SupervisionDashboard['deductions'], label: string, base: Base) {
  return {
    animation: base.animation,
    tooltip: { trigger: 'axis' },
    legend: { data: [label] },
    grid: { left: 70, right: 20, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: rows.map((row) => row.period) },
    yAxis: { type: 'value' },
    series: [{ name: label, type: 'bar', data: rows.map((row) => chartNumber(row.amount)), itemStyle: { color: '#f56c6c' } }],
  };
}

/** Where a reminder leads when the server gives no link, per kind. */
const KIND_PAGES: Record<string, string> = {
  assessment_due: '/assessments',
  rectification_overdue: '/rectifications',
  survey_open: '/surveys?mine=pending',
  meeting_upcoming: '/meetings',
  proposal_pending: '/proposals',
};

/**
 * The page a reminder opens. The server's link wins; two kinds are sent where the user acts: a survey to answer
 * opens its answer page, an assessment due on a contract opens the form to record it.
 */
export function reminderTarget(kind: string, link: string | null | undefined): string | null {
  const path = reminderRoute(link);
  if (path === null) return KIND_PAGES[kind] ?? null;
  if (kind === 'survey_open') {
    const survey = /^\/surveys\/(\d+)$/.exec(path);
    if (survey) return `/surveys/${survey[1]}/answer`;
  }
  if (kind === 'assessment_due') {
    const contract = /^\/contracts\/(\d+)(?:\/assessment-form)?$/.exec(path);
    if (contract) return `/assessments/new?contract_id=${contract[1]}`;
  }
  return path;
}
