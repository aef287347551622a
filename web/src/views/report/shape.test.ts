import { describe, expect, it } from 'vitest';
import { PARENT_COLUMN, cellText, columnLabel, lastSegment, shapeReport } from './shape';

const ZH = { locale: 'zh-CN' as const, yes: '是', no: '否' };
const EN = { locale: 'en' as const, yes: 'yes', no: 'no' };

describe('shapeReport (SUP-7)', () => {
  const quality = {
    period: '2027-03',
    generated_at: '2027-04-01T09:00:00+08:00',
    audit_chain: { ok: true, checked: 120 },
    contracts: [
      {
        contract_code: 'HT-2027-001',
        vendor_name: '洁美',
        satisfaction: '83.33%',
        rectifications: { total: 2, open: 1 },
        assessments: [{ period: '2027-03', total: 52.5, passed: false, grade: '不合格', failed: ['地面'] }],
      },
      { contract_code: 'HT-2027-002', vendor_name: '安保', satisfaction: null, rectifications: { total: 0, open: 0 }, assessments: [] },
    ],
    notes: [],
  };

  it('puts plain values in the summary, flattening objects', () => {
    const shaped = shapeReport(quality, ZH);
    expect(shaped.summary).toEqual([
      { key: 'period', value: '2027-03' },
      { key: 'generated_at', value: '2027-04-01 09:00:00' },
      { key: 'audit_chain.ok', value: '是' },
      { key: 'audit_chain.checked', value: '120' },
    ]);
  });

  it('makes a table per list, nested lists with the record they belong to', () => {
    const shaped = shapeReport(quality, ZH);
    expect(shaped.tables.map((table) => table.key)).toEqual(['contracts', 'contracts.assessments', 'notes']);
    const [contracts, assessments, notes] = shaped.tables;
    expect(contracts.columns).toEqual(['contract_code', 'vendor_name', 'satisfaction', 'rectifications.total', 'rectifications.open']);
    expect(contracts.rows[1]).toEqual({
      contract_code: 'HT-2027-002',
      vendor_name: '安保',
      satisfaction: '',
      'rectifications.total': '0',
      'rectifications.open': '0',
    });
    expect(assessments.columns).toEqual([PARENT_COLUMN, 'period', 'total', 'passed', 'grade', 'failed']);
    expect(assessments.rows).toEqual([{ [PARENT_COLUMN]: 'HT-2027-001', period: '2027-03', total: '52.5', passed: '否', grade: '不合格', failed: '地面' }]);
    expect(notes).toEqual({ key: 'notes', columns: [], rows: [] });
  });

  it('names a record two lists down by the whole way', () => {
    const shaped = shapeReport({ contracts: [{ code: 'HT-1', assessments: [{ period: '2027-03', items: [{ item: '地面', lost: 2 }] }] }] }, ZH);
    expect(shaped.tables.map((table) => table.key)).toEqual(['contracts', 'contracts.assessments', 'contracts.assessments.items']);
    expect(shaped.tables[2].rows).toEqual([{ [PARENT_COLUMN]: 'HT-1 / 2027-03', item: '地面', lost: '2' }]);
  });

  it('shows texts in both languages in the current one', () => {
    const shaped = shapeReport({ reasons: [{ 'zh-CN': '有不合格', en: 'A failure' }], items: [{ explanation: { 'zh-CN': '说明', en: 'Why' } }] }, EN);
    expect(shaped.summary).toEqual([{ key: 'reasons', value: 'A failure' }]);
    expect(shaped.tables[0].rows[0]).toEqual({ explanation: 'Why' });
  });

  it('takes a bare list as one table and anything else as nothing', () => {
    expect(shapeReport([{ a: 1 }, { b: 2 }], ZH).tables).toEqual([{ key: 'items', columns: ['a', 'b'], rows: [{ a: '1' }, { b: '2' }] }]);
    expect(shapeReport(null, ZH)).toEqual({ summary: [], tables: [] });
  });
});

describe('cells and labels', () => {
  it('writes values for reading', () => {
    expect(cellText(['a', 'b'], ZH)).toBe('a；b');
    expect(cellText(['a', 'b'], EN)).toBe('a; b');
    expect(cellText(undefined, ZH)).toBe('');
    expect(cellText('12345.67', ZH)).toBe('12345.67');
  });
  it('writes instants in Shanghai time', () => {
    expect(cellText('2027-03-31T16:30:00Z', ZH)).toBe('2027-04-01 00:30:00');
    expect(cellText('2027-03-31', ZH)).toBe('2027-03-31');
  });
  it('names a table by its last part and a column by all of them', () => {
    expect(lastSegment('contracts.assessments')).toBe('assessments');
    expect(lastSegment('period')).toBe('period');
    const labels: Record<string, string> = { rectifications: '整改', open: '整改中' };
    expect(columnLabel('rectifications.open', (segment) => labels[segment] ?? null)).toBe('整改 · 整改中');
    expect(columnLabel('mystery', () => null)).toBe('mystery');
  });
});
