import { describe, expect, it } from 'vitest';
import { addDays, countRows, formatAverage, fromDraft, monthOf, nextQuestionKey, questionText, questionsProblem, toDraft } from './questions';

describe('survey questions (SUP-4)', () => {
  it('shows the text in the current language, or the one string given', () => {
    expect(questionText({ 'zh-CN': '服务态度', en: 'Attitude' }, 'en')).toBe('Attitude');
    expect(questionText({ 'zh-CN': '服务态度', en: '' }, 'en')).toBe('服务态度');
    expect(questionText('服务态度', 'en')).toBe('服务态度');
    expect(questionText(null, 'zh-CN')).toBe('');
  });
  it('edits the Chinese text of a template question and sends one trimmed text', () => {
    const draft = toDraft({ key: 'attitude', kind: 'rating', text: { 'zh-CN': '服务态度', en: 'Attitude' } });
    expect(draft).toEqual({ key: 'attitude', kind: 'rating', text: '服务态度' });
    expect(toDraft({ key: 'a', kind: 'text', text: '其他' }).text).toBe('其他');
    expect(fromDraft({ key: 'q3', kind: 'text', text: ' 其他意见 ' })).toEqual({ key: 'q3', kind: 'text', text: '其他意见' });
  });
  it('gives new questions unused keys', () => {
    expect(nextQuestionKey([])).toBe('q1');
    expect(nextQuestionKey([{ key: 'a' }, { key: 'q3' }])).toBe('q4');
    expect(nextQuestionKey([{ key: 'q2' }])).toBe('q3');
  });
  it('refuses empty texts and repeated keys', () => {
    expect(questionsProblem([])).toBeNull();
    expect(questionsProblem([{ key: 'a', kind: 'rating', text: ' ' }])).toBe('empty-text');
    expect(
      questionsProblem([
        { key: 'a', kind: 'rating', text: '1' },
        { key: 'a', kind: 'text', text: '2' },
      ]),
    ).toBe('duplicate-key');
  });
});

describe('results', () => {
  it('lists the four counts in order, zero when missing', () => {
    const rows = countRows({ counts: { very_satisfied: 3, satisfied: 2, basically_satisfied: 1 } as never }, (rating) => rating.toUpperCase());
    expect(rows.map((row) => [row.name, row.value])).toEqual([
      ['VERY_SATISFIED', 3],
      ['SATISFIED', 2],
      ['BASICALLY_SATISFIED', 1],
      ['DISSATISFIED', 0],
    ]);
  });
  it('formats averages', () => {
    expect(formatAverage(4.256)).toBe('4.26');
    expect(formatAverage('4.25')).toBe('4.25');
    expect(formatAverage(null)).toBe('');
  });
});

describe('dates', () => {
  it('adds days across month and year ends', () => {
    expect(addDays('2027-01-25', 14)).toBe('2027-02-08');
    expect(addDays('2027-12-31', 1)).toBe('2028-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('bad', 1)).toBe('bad');
    expect(monthOf('2027-03-15')).toBe('2027-03');
  });
});
