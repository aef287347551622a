import { describe, expect, it } from 'vitest';
import type { Vendor } from '@/api/vendor/types';
import type { Org } from '@/api/system/types';
import { blankContent, contentOf, nextTerm, partyAFromOrgs, partyFromVendor, restaffed } from './model';

const text = (key: string) => key;

describe('contract content model', () => {
  it('starts with the D4 staffing levels and the three deduction kinds', () => {
    const content = blankContent(text);
    expect(content.staffing.map((row) => [row.day_type, row.people, row.hours])).toEqual([
      ['workday', 4, 8],
      ['weekend', 2, 8],
      ['holiday', 2, 8],
    ]);
    expect(content.deductions.map((row) => row.kind)).toEqual(['per_point_below_pass', 'per_missing_staff_day', 'per_failed_item']);
    expect(content.assessment.pass_mark).toBe(60);
  });
  it('fills party B from the vendor registry', () => {
    const vendor = {
      name: '乙公司',
      legal_representative: '张三',
      contact_phone: '0757-1',
      address: '九江镇',
      bank_account_name: '乙公司',
      bank_name: '农行',
      bank_account_no: '622800001',
    } as Vendor;
    expect(partyFromVendor(vendor)).toEqual({
      name: '乙公司',
      representative: '张三',
      phone: '0757-1',
      address: '九江镇',
      bank_account_name: '乙公司',
      bank_name: '农行',
      bank_account_no: '622800001',
    });
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

describe('nextTerm (renewal proposal)', () => {
  it('follows a calendar year with the next one', () => {
    expect(nextTerm('2027-01-01', '2027-12-31')).toEqual({ term_start: '2028-01-01', term_end: '2028-12-31' });
  });
  it('keeps a two-year term mid-year', () => {
    expect(nextTerm('2026-07-01', '2028-06-30')).toEqual({ term_start: '2028-07-01', term_end: '2030-06-30' });
  });
  it('keeps the length of an odd term in days', () => {
    expect(nextTerm('2027-01-01', '2027-01-10')).toEqual({ term_start: '2027-01-11', term_end: '2027-01-20' });
  });
});

describe('CON-1 defaults from the organisation and the category', () => {
  const orgs: Org[] = [
    { id: 1, parent_id: null, name: '某某县', kind: 'county', path: '/1/' },
    { id: 2, parent_id: 1, name: '九江镇', kind: 'town', path: '/1/2/' },
    { id: 3, parent_id: 2, name: '机关事务办', kind: 'department', path: '/1/2/3/' },
  ];
  it('names the town above the department of the user as party A', () => {
    expect(partyAFromOrgs(orgs, 3)?.name).toBe('九江镇');
    expect(partyAFromOrgs(orgs, 1)?.name).toBe('某某县');
    expect(partyAFromOrgs(orgs, null)).toBeNull();
  });
  it('CAT-2 replaces only default staff roles with the category role', () => {
    const rows = blankContent(() => '保洁员').staffing;
    rows[2] = { ...rows[2], role: '门岗' };
    expect(restaffed(rows, ['保洁员'], '保安').map((row) => row.role)).toEqual(['保安', '保安', '门岗']);
  });
});
