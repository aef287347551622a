import { describe, expect, it } from 'vitest';
import { checkSecret, secretsDiffer } from './secret';

describe('seal secrets (PRJ-7, docs/procurement.md "Secrets")', () => {
  it('PRJ-7: accepts 12 characters of three kinds with 6 different ones', () => {
    expect(checkSecret('Kaibiao-2026').problems).toEqual([]);
    expect(checkSecret('abcdefGH1234').problems).toEqual([]);
  });
  it('PRJ-7: names what is missing: length, distinct characters, variety', () => {
    expect(checkSecret('Ab1!').problems).toEqual(['length', 'distinct']);
    expect(checkSecret('aaaaaaBBBB11').problems).toEqual(['distinct']);
    expect(checkSecret('abcdefghijkl').problems).toEqual(['variety']);
    expect(checkSecret('').problems).toEqual(['length', 'distinct', 'variety']);
  });
  it('PRJ-7: a phrase of 20 characters needs no variety, and Chinese counts as "other" characters', () => {
    expect(checkSecret('abcdefghijklmnopqrst').problems).toEqual([]);
    expect(checkSecret('纪委监委见证开标口令abc').problems).toEqual(['variety']);
    expect(checkSecret('春眠不觉晓处处闻啼鸟夜来风雨声花落知多少').problems).toEqual([]);
    const chinese = checkSecret('纪检监察见证人开标口令');
    expect(chinese.characters).toBe(11);
    expect(chinese.kinds).toBe(1);
    expect(chinese.problems).toEqual(['length', 'variety']);
  });
  it('PRJ-7: counts characters, not UTF-16 units, and refuses more than 256 bytes', () => {
    expect(checkSecret('😀😁😂😃😄😅Aa1bcd').characters).toBe(12);
    expect(checkSecret(`Aa1bcd${'汉'.repeat(84)}`).problems).toEqual(['too_long']);
  });
  it('PRJ-7: the two secrets must differ (one person would hold both)', () => {
    expect(secretsDiffer('Kaibiao-2026', 'Kaibiao-2026')).toBe(false);
    expect(secretsDiffer('Kaibiao-2026', 'Jianzheng-2026')).toBe(true);
    expect(secretsDiffer('', '')).toBe(true);
  });
});
