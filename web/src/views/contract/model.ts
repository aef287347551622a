import type { ContractContent, DeductionKind, Party, StaffingRow } from '@/api/contract/types';
import type { Vendor } from '@/api/vendor/types';

/** Looks up a default text (the contract is a Chinese document, so the caller passes zh-CN texts). */
type DefaultText = (key: string) => string;

export function blankParty(): Party {
  return { name: '', representative: '', phone: '', address: '', bank_account_name: '', bank_name: '', bank_account_no: '' };
}

/** Party B as the vendor registry holds it (PRJ-4 → CON-1). */
export function partyFromVendor(vendor: Vendor): Party {
  return {
    name: vendor.name,
    representative: vendor.legal_representative ?? '',
    phone: vendor.contact_phone ?? '',
    address: vendor.address ?? '',
    bank_account_name: vendor.bank_account_name ?? '',
    bank_name: vendor.bank_name ?? '',
    bank_account_no: vendor.bank_account_no ?? '',
  };
}

// D4 §3.6: weekdays 4 people x 8 h, weekends 2 people x 8 h; holidays staffed like weekends.
function defaultStaffing(role: string): StaffingRow[] {
  return [
    { day_type: 'workday', role, people: 4, hours: 8 },
    { day_type: 'weekend', role, people: 2, hours: 8 },
    { day_type: 'holiday', role, people: 2, hours: 8 },
  ];
}

const DEFAULT_DEDUCTIONS: { kind: DeductionKind; amount: string; cap: string }[] = [
  { kind: 'per_point_below_pass', amount: '100.00', cap: '3000.00' },
  { kind: 'per_missing_staff_day', amount: '200.00', cap: '5000.00' },
  { kind: 'per_failed_item', amount: '300.00', cap: '3000.00' },
];

/** A new contract with the defaults of the requirements and the seed contract filled in. */
export function blankContent(text: DefaultText): ContractContent {
  return {
    title: '',
    category_id: null,
    vendor_id: null,
    party_a: blankParty(),
    party_b: blankParty(),
    term_start: '',
    term_end: '',
    annual_amount: '',
    total_amount: '',
    service_items: [],
    payment: { method: text('contract.defaults.paymentMethod'), frequency: 'monthly', installments: [] },
    assessment: {
      frequency: 'monthly',
      pass_mark: 60,
      checklist: [],
      bands: [
        { name: text('contract.defaults.bandExcellent'), min: 90 },
        { name: text('contract.defaults.bandGood'), min: 80 },
        { name: text('contract.defaults.bandPass'), min: 60 },
      ],
    },
    staffing: defaultStaffing(text('contract.defaults.staffRole')),
    deductions: DEFAULT_DEDUCTIONS.map((row) => ({ ...row, description: text(`contract.defaults.deduction.${row.kind}`) })),
    confidentiality: text('contract.defaults.confidentiality'),
    breach_liability: text('contract.defaults.breachLiability'),
    responsible_department_id: null,
    responsible_person: '',
    responsible_phone: '',
  };
}

/** A deep copy of the server's content with every field present, for the editor. */
export function contentOf(source: Partial<ContractContent> | null | undefined, text: DefaultText): ContractContent {
  const blank = blankContent(text);
  if (!source) return blank;
  const copy = JSON.parse(JSON.stringify(source)) as Partial<ContractContent>;
  return {
    ...blank,
    ...copy,
    party_a: { ...blankParty(), ...copy.party_a },
    party_b: { ...blankParty(), ...copy.party_b },
    service_items: copy.service_items ?? [],
    payment: { ...blank.payment, ...copy.payment, installments: copy.payment?.installments ?? [] },
    assessment: { ...blank.assessment, ...copy.assessment, checklist: copy.assessment?.checklist ?? [], bands: copy.assessment?.bands ?? [] },
    staffing: copy.staffing ?? [],
    deductions: copy.deductions ?? [],
  };
}
