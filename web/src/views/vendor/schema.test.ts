import { describe, expect, it } from 'vitest';
import type { Vendor } from '@/api/vendor/types';
import { fieldNames } from '@/components/crud/schema';
import { blankVendor, vendorInputOf, vendorSchema } from './schema';

describe('vendor schema', () => {
  const schema = vendorSchema(
    (key) => key,
    () => [],
    () => 'zh-CN',
  );

  it('covers every editable field of the API', () => {
    expect(fieldNames(schema, 'create').sort()).toEqual(Object.keys(blankVendor()).sort());
  });

  it('takes only editable fields from a server vendor, copying arrays', () => {
    const vendor = {
      ...blankVendor(),
      id: 7,
      org_id: 3,
      owner_org_id: 1,
      name: '甲公司',
      category_ids: [1, 2],
      created_at: '',
      updated_at: '',
      qualification_status: 'ok',
      expired_count: 0,
      expiring_count: 0,
      qualifications: [],
    } as Vendor;
    const input = vendorInputOf(vendor);
    expect(input).not.toHaveProperty('id');
    expect(input).not.toHaveProperty('qualifications');
    expect(input.name).toBe('甲公司');
    expect(input.category_ids).toEqual([1, 2]);
    expect(input.category_ids).not.toBe(vendor.category_ids);
  });
});
