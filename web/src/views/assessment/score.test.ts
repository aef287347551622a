import { describe, expect, it } from 'vitest';
import { computeScore, formatScore, formatTenths, gradeOf, itemFailed, tenthsToNumber, toTenths } from './score';

// The demo cleaning checklist (points sum to 100) and bands of docs/api.md.
const checklist = [
  { item: '办公区清洁', points: 15 },
  { item: '卫生间清洁', points: 15 },
  { item: '公共区域清洁', points: 15 },
  { item: '垃圾分类', points: 10 },
  { item: '绿化养护', points: 10 },
  { item: '会务茶水', points: 10 },
  { item: '人员到岗', points: 10 },
  { item: '劳动纪律', points: 10 },
  { item: '节约用水用电', points: 5 },
];
const bands = [
  { name: '优秀', min: 90 },
  { name: '良好', min: 80 },
  { name: '合格', min: 60 },
];

describe('tenths (SUP-3: one decimal, no floating point)', () => {
  it('reads numbers and text with at most one decimal', () => {
    expect(toTenths(12.5)).toBe(125);
    expect(toTenths('12.5')).toBe(125);
    expect(toTenths(0.1)).toBe(1);
    expect(toTenths(12.3)).toBe(123);
    expect(toTenths('7')).toBe(70);
    expect(toTenths(100)).toBe(1000);
  });
  it('refuses a second decimal, negatives and junk', () => {
    expect(toTenths(12.34)).toBeNull();
    expect(toTenths('12.34')).toBeNull();
    expect(toTenths(-1)).toBeNull();
    expect(toTenths('abc')).toBeNull();
    expect(toTenths(Number.NaN)).toBeNull();
    expect(toTenths(null)).toBeNull();
  });
  it('formats without a trailing .0', () => {
    expect(formatTenths(525)).toBe('52.5');
    expect(formatTenths(870)).toBe('87');
    expect(formatTenths(0)).toBe('0');
    expect(formatTenths(5)).toBe('0.5');
    expect(formatTenths(-15)).toBe('-1.5');
    expect(formatScore(87.5)).toBe('87.5');
    expect(formatScore('90.0')).toBe('90');
    expect(formatScore(undefined)).toBe('');
    expect(tenthsToNumber(123)).toBe(12.3);
  });
  it('adds lost points in tenths, where floating point drifts', () => {
    const result = computeScore({ checklist, lost: [1, 2], passMark: 60, bands });
    expect(formatTenths(result.lostTenths)).toBe('0.3');
    expect(formatTenths(result.totalTenths)).toBe('99.7');
    // What floating point would have made of the same sum:
    expect(0.1 + 0.2).not.toBe(0.3);
  });
});

describe('total, pass, grade, failed items', () => {
  it('gives 100 and the top band when nothing is lost', () => {
    const result = computeScore({ checklist, lost: [], passMark: 60, bands });
    expect(result.totalTenths).toBe(1000);
    expect(result.passed).toBe(true);
    expect(result.grade).toBe('优秀');
    expect(result.failedCount).toBe(0);
  });
  it('passes exactly at the pass mark and fails just below it', () => {
    const at = computeScore({ checklist, lost: [150, 150, 100], passMark: 60, bands });
    expect(at.totalTenths).toBe(600);
    expect(at.passed).toBe(true);
    expect(at.grade).toBe('合格');
    const below = computeScore({ checklist, lost: [150, 150, 100, 5], passMark: 60, bands });
    expect(formatTenths(below.totalTenths)).toBe('59.5');
    expect(below.passed).toBe(false);
    expect(below.grade).toBeNull();
  });
  it('reaches a band at its minimum exactly', () => {
    expect(gradeOf(900, bands)).toBe('优秀');
    expect(gradeOf(899, bands)).toBe('良好');
    expect(gradeOf(800, bands)).toBe('良好');
    expect(gradeOf(599, bands)).toBeNull();
    expect(gradeOf(1000, [])).toBeNull();
  });
  it('fails, by default, an item that scored 0 (setting 100 %)', () => {
    expect(itemFailed(15, 150)).toBe(true);
    expect(itemFailed(15, 149)).toBe(false);
    expect(computeScore({ checklist, lost: [150, 75], passMark: 60, bands }).failedCount).toBe(1);
  });
  it('fails an item that lost half its points or more when the setting is 50 %', () => {
    expect(itemFailed(15, 75, 50)).toBe(true);
    expect(itemFailed(15, 74, 50)).toBe(false);
    expect(itemFailed(5, 25, 50)).toBe(true);
    expect(itemFailed(10, 0, 1)).toBe(false);
    expect(itemFailed(10, 10, 10)).toBe(true);
    const result = computeScore({ checklist, lost: [75, 74, 0, 100], passMark: 60, bands, failedItemPercent: 50 });
    expect(result.items.map((item) => item.failed).slice(0, 4)).toEqual([true, false, false, true]);
    expect(result.failedCount).toBe(2);
    expect(result.items[0].scoreTenths).toBe(75);
  });
  it('flags an item that lost more than its points', () => {
    const result = computeScore({ checklist, lost: [151], passMark: 60, bands });
    expect(result.invalid).toBe(true);
    expect(result.items[0].overMax).toBe(true);
  });
});
