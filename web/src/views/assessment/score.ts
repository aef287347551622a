import type { ChecklistItem } from '@/api/catalogue/types';
import type { GradeBand } from '@/api/contract/types';

/**
 * The assessment arithmetic of docs/api.md "Assessments" (SUP-3), done as the server does it: in integer tenths of a
 * point (52.5 → 525), never in floating point, so the total shown before submitting is the one the server records.
 */

/** Setting `assessment.failed_item_percent` when the server does not send it: 100, an item that scored 0. */
export const DEFAULT_FAILED_ITEM_PERCENT = 100;
export const FULL_MARKS_TENTHS = 1000;

const SCORE_TEXT = /^\s*(\d{1,6})(?:\.(\d))?\s*$/;

/** 12.5 or "12.5" → 125; null for negatives, more than one decimal or anything else. */
export function toTenths(value: number | string | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return null;
    const tenths = Math.round(value * 10);
    // 12.3 * 10 is 123.00000000000001: accept that, refuse a real second decimal such as 12.34.
    return Math.abs(value * 10 - tenths) < 1e-6 ? tenths : null;
  }
  const match = SCORE_TEXT.exec(value);
  if (!match) return null;
  return Number(match[1]) * 10 + Number(match[2] ?? '0');
}

/** 525 → "52.5", 870 → "87", -15 → "-1.5". */
export function formatTenths(tenths: number): string {
  const sign = tenths < 0 ? '-' : '';
  const magnitude = Math.abs(Math.trunc(tenths));
  const whole = Math.floor(magnitude / 10);
  const tenth = magnitude % 10;
  return tenth === 0 ? `${sign}${whole}` : `${sign}${whole}.${tenth}`;
}

/** A score from the server (number or text) for display; unparseable values are shown as they are. */
export function formatScore(value: number | string | null | undefined): string {
  const tenths = toTenths(value);
  return tenths === null ? (value === null || value === undefined ? '' : String(value)) : formatTenths(tenths);
}

/** 125 tenths → 12.5, the number the API takes (one decimal at most, exact in JSON). */
export function tenthsToNumber(tenths: number): number {
  return Number(formatTenths(tenths));
}

/** An item is failed when it lost at least `percent` % of its points: lost × 100 ≥ percent × points. */
export function itemFailed(points: number, lostTenths: number, percent: number = DEFAULT_FAILED_ITEM_PERCENT): boolean {
  return lostTenths * 10 >= percent * points;
}

/** The first band whose `min` ≤ total, in the contract's (descending) order; null means 不合格 / fail. */
export function gradeOf(totalTenths: number, bands: readonly GradeBand[]): string | null {
  return bands.find((band) => band.min * 10 <= totalTenths)?.name ?? null;
}

export interface ScoreSheet {
  checklist: readonly ChecklistItem[];
  /** Points lost per item in tenths, in checklist order; null counts as 0 (nothing lost). */
  lost: readonly (number | null)[];
  passMark: number;
  bands: readonly GradeBand[];
  failedItemPercent?: number;
}

export interface ScoreResult {
  totalTenths: number;
  lostTenths: number;
  passed: boolean;
  grade: string | null;
  /** Per item: its score in tenths and whether it failed. */
  items: { scoreTenths: number; lostTenths: number; failed: boolean; overMax: boolean }[];
  failedCount: number;
  /** Some item lost more than its points (the form refuses to submit). */
  invalid: boolean;
}

/** Total = 100 − Σ lost; passed = total ≥ pass mark; grade = first band reached; failed items by percentage. */
export function computeScore(sheet: ScoreSheet): ScoreResult {
  const percent = sheet.failedItemPercent ?? DEFAULT_FAILED_ITEM_PERCENT;
  const items = sheet.checklist.map((entry, index) => {
    const lostTenths = sheet.lost[index] ?? 0;
    const pointsTenths = entry.points * 10;
    return {
      scoreTenths: pointsTenths - lostTenths,
      lostTenths,
      failed: itemFailed(entry.points, lostTenths, percent),
      overMax: lostTenths < 0 || lostTenths > pointsTenths,
    };
  });
  const lostTenths = items.reduce((sum, item) => sum + item.lostTenths, 0);
  const totalTenths = FULL_MARKS_TENTHS - lostTenths;
  return {
    totalTenths,
    lostTenths,
    passed: totalTenths >= sheet.passMark * 10,
    grade: gradeOf(totalTenths, sheet.bands),
    items,
    failedCount: items.filter((item) => item.failed).length,
    invalid: items.some((item) => item.overMax),
  };
}
