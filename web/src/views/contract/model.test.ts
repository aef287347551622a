import { describe, expect, it } from 'vitest';
import type { Vendor } from '@/api/vendor/types';
import { blankContent, contentOf, partyFromVendor } from './model';

const text = (key: string) => key;

describe('contract content model', () => {
  it('starts with the D4 staffing levels and the three deduction kinds', () => {
    const content = blankContent(text);
    expect(content.staffing.map((row) => [row.day_type, row.people, row.hours])).toEqual([
      ['workday', 4, 8], ['weekend', 2, 8], ['holiday', 2, 8],
    ]);
    expect(content.deductions.map((row) => row.kind)).toEqual(['per_point_below_pass', 'per_missing_staff_day', 'per_failed_item']);
    expect(content.assessment.pass_mark).toBe(60);
  });
  it('fills party B from the vendor registry', () => {
    const vendor = { name: '乙公司', legal_representative: '张三', contact_phone: '0757-1', address: '九江镇',
      bank_account_name: '乙公司', bank_name: '农行', bank_account_no: '622800001' } as Vendor;
    expect(partyFromVendor(vendor)).toEqual({ name: '乙公司', representative: '张三', phone: '0757-1', address: '九江镇',
      bank_account_name: '乙公司', bank_name: '农行', bank_account_no: '622800001' });
  });
  it('copies server content deeply and completes missing parts', () => {
    const source = { title: 'x', staffing: [{ day_type: 'workday' as const, role: 'r', people: 1, hours: 8 }] };
    const content = contentOf(source, text);
    content.staffing[0].people = 9;
    expect(source.staffing[0].people).toBe(1);
    expect(content.party_a.name).toBe('');
    expect(content.payment.installments).toEqual([]);
  });
});
