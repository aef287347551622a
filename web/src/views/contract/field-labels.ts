type Translate = (key: string, named?: Record<string, unknown>) => string;

/** i18n key of each content field name, for error lists and version diffs. */
const LABELS: Record<string, string> = {
  title: 'contract.field.title',
  vendor_id: 'contract.field.vendor',
  category_id: 'contract.field.category',
  term_start: 'contract.field.termStart',
  term_end: 'contract.field.termEnd',
  annual_amount: 'contract.field.annualAmount',
  total_amount: 'contract.field.totalAmount',
  party_a: 'contract.section.party_a',
  party_b: 'contract.section.party_b',
  name: 'contract.field.name',
  representative: 'contract.field.representative',
  phone: 'contract.field.phone',
  address: 'contract.field.address',
  bank_account_name: 'contract.field.bankAccountName',
  bank_name: 'contract.field.bankName',
  bank_account_no: 'contract.field.bankAccountNo',
  service_items: 'contract.section.service_items',
  scope: 'contract.field.scope',
  fee_standard: 'contract.field.feeStandard',
  amount: 'contract.field.amount',
  payment: 'contract.section.payment',
  method: 'contract.field.paymentMethod',
  installments: 'contract.section.payment',
  period: 'contract.field.period',
  due_date: 'contract.field.dueDate',
  assessment: 'contract.section.assessment',
  pass_mark: 'contract.field.passMark',
  checklist: 'contract.field.checklist',
  item: 'contract.field.checklist',
  points: 'contract.field.passMark',
  bands: 'contract.field.bands',
  min: 'contract.field.bandMin',
  staffing: 'contract.section.staffing',
  day_type: 'contract.field.dayType',
  role: 'contract.field.role',
  people: 'contract.field.people',
  hours: 'contract.field.hours',
  deductions: 'contract.section.deductions',
  kind: 'contract.field.deductionKind',
  cap: 'contract.field.cap',
  description: 'contract.field.description',
  confidentiality: 'contract.field.confidentiality',
  breach_liability: 'contract.field.breachLiability',
  responsible_department_id: 'contract.field.responsibleDepartment',
  responsible_person: 'contract.field.responsiblePerson',
  responsible_phone: 'contract.field.responsiblePhone',
  rules: 'contract.field.rules',
};

/**
 * A readable name for a field path: "payment.installments[2].amount" → "付款方式与计划 · 第 3 行 · 金额（元）".
 * Frequency is named by its parent (payment or assessment); unknown names are shown as they are.
 */
export function fieldLabel(path: string, t: Translate): string {
  const parts: string[] = [];
  let parent = '';
  for (const match of path.matchAll(/([A-Za-z_][A-Za-z0-9_-]*)|\[(\d+)\]/g)) {
    if (match[2] !== undefined) {
      parts.push(t('contract.editor.row', { row: Number(match[2]) + 1 }));
      continue;
    }
    const name = match[1];
    let key = LABELS[name];
    if (name === 'frequency') key = parent === 'assessment' ? 'contract.field.assessmentFrequency' : 'contract.field.paymentFrequency';
    // rules.title is the rules cited (not the contract's title); rules.settings_version the version it came from.
    if (parent === 'rules') key = name === 'settings_version' ? 'contract.field.rulesSettingsVersion' : 'contract.field.rules';
    const label = key ? t(key) : name;
    // "payment.installments" would read the section name twice.
    if (parts[parts.length - 1] !== label) parts.push(label);
    parent = name;
  }
  return parts.join(' · ') || path;
}
