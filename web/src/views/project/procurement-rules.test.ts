import { describe, expect, it } from 'vitest';
import { entryFromCategory, rulesPayload, rulesProblems } from './procurement-rules';

const CATEGORIES = [{ code: 'cleaning' }, { code: 'meeting' }];

describe('yearly procurement rules (PRJ-3)', () => {
  it('PRJ-3: accepts a threshold of zero and a catalogue of categories and items', () => {
    expect(
      rulesProblems(
        {
          threshold: '0',
          basis: 'annual_budget',
          reason: '年初公布',
          catalogue: [
            { kind: 'category', code: 'cleaning', name_zh: '保洁', name_en: '' },
            { kind: 'item', code: 'C1204', name_zh: '物业', name_en: '' },
          ],
        },
        CATEGORIES,
      ),
    ).toEqual({});
  });
  it('PRJ-3: names each problem by the path the server uses', () => {
    expect(
      rulesProblems(
        {
          threshold: '-1',
          basis: 'total_budget',
          reason: '',
          catalogue: [
            { kind: 'category', code: 'unknown', name_zh: 'x', name_en: '' },
            { kind: 'item', code: '', name_zh: '', name_en: '' },
            { kind: 'item', code: 'C1', name_zh: 'a', name_en: '' },
            { kind: 'item', code: 'C1 ', name_zh: 'b', name_en: '' },
          ],
        },
        CATEGORIES,
      ),
    ).toEqual({
      threshold: 'money',
      reason: 'required',
      'catalogue[0].code': 'unknown_category',
      'catalogue[1].code': 'required',
      'catalogue[1].name_zh': 'required',
      'catalogue[3].code': 'duplicate',
    });
  });
  it('PRJ-3: a picked category brings its names; the payload is trimmed with two decimals', () => {
    expect(entryFromCategory({ kind: 'category', code: '', name_zh: '', name_en: '' }, { code: 'meeting', name_zh: '会议服务', name_en: 'Meetings' })).toEqual({
      kind: 'category',
      code: 'meeting',
      name_zh: '会议服务',
      name_en: 'Meetings',
    });
    expect(
      rulesPayload({ threshold: '1000000', basis: 'annual_budget', reason: ' r ', catalogue: [{ kind: 'item', code: ' C1 ', name_zh: ' a ', name_en: '' }] }),
    ).toEqual({ threshold: '1000000.00', basis: 'annual_budget', reason: 'r', catalogue: [{ kind: 'item', code: 'C1', name_zh: 'a', name_en: '' }] });
  });
});
