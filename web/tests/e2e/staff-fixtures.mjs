// Shared set-up of the staff browser tests (issue 13): an active contract of vendor1 with staffing terms, valid
// resident ID numbers and uploads, all dated from the test clock (server/tests/clock.mjs).
import assert from 'node:assert/strict';
import { TODAY, addDays, addMonths, month, monthEnd, monthStart } from '../../../server/tests/clock.mjs';
import { BASE_URL, apiAs, tinyPng, uniqueSuffix } from './helpers.mjs';

const FIRST = monthStart(-1);
/** The post the contract's staffing names. */
export const POST = '保洁员';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** A valid GB 11643 ID number of Shunde (440681) for a birth date and a sequence. */
export function idNumber(birth, sequence) {
  const first17 = `440681${birth.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  const sum = [...first17].reduce((total, digit, index) => total + Number(digit) * WEIGHTS[index], 0);
  return first17 + '10X98765432'[sum % 11];
}

/** Uploads raw bytes as an attachment with a client of apiAs (its session cookie and CSRF token). */
export async function uploadAttachment(client, name, bytes, type) {
  const answer = await fetch(`${BASE_URL}/api/v1/attachments`, {
    method: 'POST',
    headers: { Cookie: client.cookie, 'X-CSRF-Token': client.csrf, 'Content-Type': type, 'X-Filename': encodeURIComponent(name) },
    body: bytes,
  });
  if (!answer.ok) throw new Error(`upload: HTTP ${answer.status} ${await answer.text()}`);
  return answer.json();
}

/**
 * vendor1's cleaning contract, in force from the first of last month for a year, through drafting, both reviews and
 * signing: staffing 2 x 8 h on working days and 1 x 8 h on rest days and holidays, 200 元 per missing person-day.
 * `label` tells the test's contracts apart in lists (人员, 更换, 培训 ...); `department` names the department it serves
 * (its responsible department; default the first of the demo's); `category` is the service category's code and `post`
 * the post its staffing names (a call-centre contract: 'callcenter' and 话务员). Returns {id, title}.
 */
export async function createStaffContract(label = '人员', { department: departmentName = null, category: categoryCode = 'cleaning', post = POST } = {}) {
  const office = await apiAs('office');
  const admin = await apiAs('admin');
  const vendorSession = await (await apiAs('vendor1')).get('/session');
  const category = (await office.get('/categories')).items.find((item) => item.code === categoryCode);
  const vendors = (await office.get('/vendors?page_size=100')).items;
  const vendor = await office.get(`/vendors/${vendors.find((item) => item.org_id === vendorSession.user.org_id).id}`);
  const department = (await admin.get('/orgs')).items.find((item) => item.kind === 'department' && (departmentName === null || item.name === departmentName));
  const termEnd = addDays(addMonths(FIRST, 12), -1);
  const installments = Array.from({ length: 12 }, (_, index) => {
    const period = month(index, FIRST);
    return { period, due_date: monthEnd(0, `${period}-01`), amount: '30000.00' };
  });
  const service = categoryCode === 'callcenter' ? '外呼' : '保洁';
  const title = `九江镇机关${service}服务外包合同(${label}${uniqueSuffix()})`;
  const content = {
    title,
    category_id: category.id,
    vendor_id: vendor.id,
    party_a: {
      name: '九江镇人民政府',
      representative: '李书记',
      phone: '0757-86501234',
      address: '广东省佛山市南海区九江镇儒林西路1号',
      bank_account_name: '佛山市南海区九江镇人民政府',
      bank_name: '中国工商银行佛山九江支行',
      bank_account_no: '2013020109024900011',
    },
    party_b: {
      name: vendor.name,
      representative: vendor.legal_representative,
      phone: vendor.contact_phone,
      address: vendor.address,
      bank_account_name: vendor.bank_account_name ?? vendor.name,
      bank_name: vendor.bank_name,
      bank_account_no: vendor.bank_account_no,
    },
    term_start: FIRST,
    term_end: termEnd,
    annual_amount: '360000.00',
    total_amount: '360000.00',
    service_items: [{ name: '办公区保洁', scope: '办公楼1-5层', fee_standard: '每月 30000 元', amount: '360000.00' }],
    payment: { method: '银行转账', frequency: 'monthly', installments },
    assessment: {
      frequency: 'monthly',
      pass_mark: 60,
      checklist: [
        { item: '办公区地面、桌面、门窗清洁', points: 50 },
        { item: '人员在岗、着装规范', points: 50 },
      ],
      bands: [
        { name: '优秀', min: 90 },
        { name: '合格', min: 60 },
      ],
    },
    staffing: [
      { day_type: 'workday', role: post, people: 2, hours: 8 },
      { day_type: 'weekend', role: post, people: 1, hours: 8 },
      { day_type: 'holiday', role: post, people: 1, hours: 8 },
    ],
    deductions: [{ kind: 'per_missing_staff_day', amount: '200.00', cap: '5000.00', description: '每缺岗一人日扣200元' }],
    confidentiality: '乙方不得将本合同的内容及在履约中知悉的甲方工作秘密向任何第三方泄露。',
    breach_liability: '任何一方违约,应赔偿对方因此造成的损失。',
    responsible_department_id: department.id,
    responsible_person: '王主任',
    responsible_phone: '0757-86500001',
  };
  const created = await office.post('/contracts', content);
  const submitted = await office.post(`/contracts/${created.id}/submit`);
  const versionNo = submitted.review.version_no;
  await (await apiAs('sifa')).post(`/contracts/${created.id}/reviews`, { version_no: versionNo, decision: 'approve', comment: '法律审查通过' });
  await (await apiAs('dangzheng')).post(`/contracts/${created.id}/reviews`, { version_no: versionNo, decision: 'approve', comment: '文字把关通过' });
  const scan = await uploadAttachment(office, '合同签署扫描件.png', tinyPng(16), 'image/png');
  const signed = await office.post(`/contracts/${created.id}/sign`, {
    signed_on: TODAY,
    party_a_signatory: '李书记',
    party_b_signatory: '张经理',
    attachment_id: scan.id,
  });
  assert.equal(signed.status, 'active', 'the contract is in force: its term began last month');
  return { id: created.id, title };
}
