import type { Category } from '@/api/catalogue/types';
import type { VendorInput } from '@/api/vendor/types';
import type { CrudSchema } from '@/components/crud/schema';

type Translate = (key: string) => string;

/** Every editable vendor field of docs/api.md (PRJ-4), driving the form and the detail view. */
export function vendorSchema(t: Translate, categories: () => Category[], locale: () => string): CrudSchema<VendorInput> {
  const categoryName = (category: Category) => (locale() === 'en' ? category.name_en || category.name_zh : category.name_zh);
  return [
    { field: 'name', label: 'vendor.field.name', kind: 'text', required: true, maxlength: 100 },
    { field: 'credit_code', label: 'vendor.field.creditCode', kind: 'text', required: true, maxlength: 18, half: true },
    { field: 'legal_representative', label: 'vendor.field.legalRepresentative', kind: 'text', half: true },
    { field: 'contact_name', label: 'vendor.field.contactName', kind: 'text', half: true },
    { field: 'contact_phone', label: 'vendor.field.contactPhone', kind: 'text', maxlength: 20, half: true },
    { field: 'address', label: 'vendor.field.address', kind: 'text' },
    { field: 'bank_account_name', label: 'vendor.field.bankAccountName', kind: 'text', half: true },
    { field: 'bank_name', label: 'vendor.field.bankName', kind: 'text', half: true },
    { field: 'bank_account_no', label: 'vendor.field.bankAccountNo', kind: 'text', maxlength: 32, half: true },
    { field: 'staff_count', label: 'vendor.field.staffCount', kind: 'number', min: 0, max: 100000, half: true },
    { field: 'registered_capital', label: 'vendor.field.registeredCapital', kind: 'money', half: true, hint: 'vendor.form.moneyHint' },
    {
      field: 'status',
      label: 'vendor.field.status',
      kind: 'select',
      required: true,
      half: true,
      options: () => [
        { value: 'active', label: t('vendor.vendorStatus.active') },
        { value: 'suspended', label: t('vendor.vendorStatus.suspended') },
      ],
    },
    { field: 'has_training_system', label: 'vendor.field.hasTrainingSystem', kind: 'switch', half: true },
    { field: 'has_management_system', label: 'vendor.field.hasManagementSystem', kind: 'switch', half: true },
    {
      field: 'category_ids',
      label: 'vendor.field.categories',
      kind: 'multiselect',
      options: () => categories().map((category) => ({ value: category.id, label: categoryName(category) })),
    },
  ];
}

export function blankVendor(): VendorInput {
  return {
    name: '',
    credit_code: '',
    legal_representative: '',
    contact_name: '',
    contact_phone: '',
    address: '',
    bank_account_name: '',
    bank_name: '',
    bank_account_no: '',
    staff_count: 0,
    registered_capital: '0.00',
    has_training_system: false,
    has_management_system: false,
    category_ids: [],
    status: 'active',
  };
}

/** The editable part of a vendor the server sent, for the edit form and the PUT body. */
export function vendorInputOf(vendor: VendorInput): VendorInput {
  const blank = blankVendor();
  const input = {} as Record<string, unknown>;
  for (const key of Object.keys(blank) as (keyof VendorInput)[]) {
    const value = vendor[key] ?? blank[key];
    input[key] = Array.isArray(value) ? [...value] : value;
  }
  return input as unknown as VendorInput;
}
