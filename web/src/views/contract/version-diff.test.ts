import { describe, expect, it } from 'vitest';
import { changedCount, diffVersions, flatten } from './version-diff';

const v1 = {
  title: '保洁合同',
  party_b: { name: '甲公司', phone: '0757-1' },
  total_amount: '360000.00',
  payment: {
    method: '银行转账',
    installments: [
      { period: '2027-01', amount: '180000.00' },
      { period: '2027-02', amount: '180000.00' },
    ],
  },
  staffing: [{ day_type: 'workday', people: 4 }],
};

describe('diff of two versions', () => {
  it('flattens nested objects and table rows to paths', () => {
    const paths = [...flatten(v1).keys()];
    expect(paths).toContain('party_b.phone');
    expect(paths).toContain('payment.installments[1].amount');
    expect(paths).toContain('staffing[0].people');
    expect(flatten(v1).get('staffing[0].people')).toBe('4');
  });
  it('marks only the changed fields, including inside table rows', () => {
    const v2 = structuredClone(v1);
    v2.party_b.phone = '0757-2';
    v2.payment.installments[1].amount = '180000.01';
    const rows = diffVersions(v1, v2);
    expect(rows.filter((row) => row.changed).map((row) => row.path)).toEqual(['party_b.phone', 'payment.installments[1].amount']);
    expect(rows.find((row) => row.path === 'party_b.phone')).toEqual({ path: 'party_b.phone', before: '0757-1', after: '0757-2', changed: true });
    expect(changedCount(rows)).toBe(2);
  });
  it('shows added and removed rows with one side empty', () => {
    const v2 = structuredClone(v1) as typeof v1;
    v2.staffing.push({ day_type: 'weekend', people: 2 });
    v2.payment.installments.pop();
    const rows = diffVersions(v1, v2);
    expect(rows.find((row) => row.path === 'staffing[1].people')).toEqual({ path: 'staffing[1].people', before: '', after: '2', changed: true });
    expect(rows.find((row) => row.path === 'payment.installments[1].amount')).toEqual({
      path: 'payment.installments[1].amount',
      before: '180000.00',
      after: '',
      changed: true,
    });
  });
  it('compares an empty table with a filled one row by row', () => {
    const rows = diffVersions({ items: [] }, { items: [{ name: 'a' }] });
    expect(rows).toEqual([{ path: 'items[0].name', before: '', after: 'a', changed: true }]);
    expect(diffVersions({ items: [] }, { items: [] })).toEqual([{ path: 'items', before: '', after: '', changed: false }]);
  });
  it('finds nothing changed between equal versions', () => {
    expect(changedCount(diffVersions(v1, structuredClone(v1)))).toBe(0);
  });
});
