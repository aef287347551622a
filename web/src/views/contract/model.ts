import type { ContractContent, DeductionKind, Party, StaffingRow } from '@/api/contract/types';
import type { Org } from '@/api/system/types';
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

/**
 * Party A is the organisation the user works for, not their department: the nearest town or county
 * above (or at) the user's org. Only the name is known to the org tree; the rest stays for the user.
 */
export function partyAFromOrgs(orgs: readonly Org[], userOrgId: number | null): Party | null {
  const byId = new Map(orgs.map((org) => [org.id, org]));
  let org = userOrgId === null ? undefined : byId.get(userOrgId);
  while (org && org.kind !== 'town' && org.kind !== 'county') org = org.parent_id === null ? undefined : byId.get(org.parent_id);
  return org ? { ...blankParty(), name: org.name } : null;
}

/**
 * The staffing rows take the category's first staff role (catalogue CAT-1: security → 保安, catering → 厨师),
 * but only rows still holding the default or a previous category's role: a role the user typed stays.
 */
export function restaffed(rows: readonly StaffingRow[], replaceable: readonly string[], role: string): StaffingRow[] {
  return rows.map((row) => (row.role.trim() === '' || replaceable.includes(row.role) ? { ...row, role } : row));
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

function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const moved = new Date(Date.UTC(year, month - 1, day + days));
  return moved.toISOString().slice(0, 10);
}

/**
 * The proposed term of a renewal (CON-6): starts the day after the old term ends and lasts as long
 * (same month-day span one year on when the old term was whole years).
 */
export function nextTerm(termStart: string, termEnd: string): { term_start: string; term_end: string } {
  const start = addDays(termEnd, 1);
  const [startYear, startMonth, startDay] = termStart.split('-').map(Number);
  const [endYear, endMonth, endDay] = termEnd.split('-').map(Number);
  const years = endYear - startYear + (endMonth > startMonth || (endMonth === startMonth && endDay >= startDay) ? 0 : -1);
  const wholeYears = addDays(`${startYear + years + 1}-${String(startMonth).padStart(2, '0')}-${String(startDay).padStart(2, '0')}`, -1) === termEnd;
  if (wholeYears && years >= 0) {
    const [newYear, newMonth, newDay] = start.split('-').map(Number);
    const end = addDays(`${newYear + years + 1}-${String(newMonth).padStart(2, '0')}-${String(newDay).padStart(2, '0')}`, -1);
    return { term_start: start, term_end: end };
  }
  const length = (Date.parse(termEnd) - Date.parse(termStart)) / 86_400_000;
  return { term_start: start, term_end: addDays(start, length) };
}
