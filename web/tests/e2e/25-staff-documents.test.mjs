// People's documents and social insurance (STF-2, issue 13) through the UI. The vendor logs in from the bare address,
// opens its contract's 人员 tab and adds two cleaners; each is flagged beside the name with the documents a cleaner
// must hold (缺健康证 ...). In the first one's 证件 dialog a labour contract saved without its file is refused with
// the reason beside the file field; a health certificate whose last valid day has passed is uploaded as a small
// PDF, and the roster flags it in words (健康证已过期 <date>) while the other person still lacks one; last month's
// social-insurance payment clears the first person's 社保缺 1 个月 flag. The office reads the dialog without write
// buttons.
//
// The contract is set up through the API (in force from the first of last month, as in 21-staff and 22); every date
// comes from the test clock.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { TODAY, addDays, addMonths, month, monthEnd, monthStart } from '../../../server/tests/clock.mjs';
import {
  BASE_URL,
  apiAs,
  closeAll,
  expectCount,
  fillDate,
  go,
  login,
  logout,
  openBrowser,
  pickOption,
  screenshot,
  startServer,
  tid,
  tinyPng,
  uniqueSuffix,
} from './helpers.mjs';

const FIRST = monthStart(-1);
const LAST_MONTH = month(-1);
const POST = '保洁员';
const EXPIRED_ON = addDays(TODAY, -3);

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** A valid GB 11643 ID number of Shunde (440681) for a birth date and a sequence. */
function idNumber(birth, sequence) {
  const first17 = `440681${birth.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  const sum = [...first17].reduce((total, digit, index) => total + Number(digit) * WEIGHTS[index], 0);
  return first17 + '10X98765432'[sum % 11];
}

const PEOPLE = [
  { name: '周保洁', birth: addMonths(FIRST, -41 * 12), sequence: 31, phone: '13800000031' },
  { name: '吴保洁', birth: addDays(addMonths(FIRST, -36 * 12), 9), sequence: 42, phone: '13800000042' },
].map((person) => ({ ...person, id_number: idNumber(person.birth, person.sequence) }));

let server;
let browser;
let page;
let contractId;
let contractTitle;
let scratch;
let pdfPath;
let people = [];

/** Uploads raw bytes as an attachment with a client of apiAs (its session cookie and CSRF token). */
async function uploadAttachment(client, name, bytes, type) {
  const answer = await fetch(`${BASE_URL}/api/v1/attachments`, {
    method: 'POST',
    headers: { Cookie: client.cookie, 'X-CSRF-Token': client.csrf, 'Content-Type': type, 'X-Filename': encodeURIComponent(name) },
    body: bytes,
  });
  if (!answer.ok) throw new Error(`upload: HTTP ${answer.status} ${await answer.text()}`);
  return answer.json();
}

/** vendor1's contract, in force from the first of last month for a year, through drafting, both reviews and signing. */
async function createContract() {
  const office = await apiAs('office');
  const admin = await apiAs('admin');
  const vendorSession = await (await apiAs('vendor1')).get('/session');
  const category = (await office.get('/categories')).items.find((item) => item.code === 'cleaning');
  const vendors = (await office.get('/vendors?page_size=100')).items;
  const vendor = await office.get(`/vendors/${vendors.find((item) => item.org_id === vendorSession.user.org_id).id}`);
  const department = (await admin.get('/orgs')).items.find((item) => item.kind === 'department');
  const termEnd = addDays(addMonths(FIRST, 12), -1);
  const installments = Array.from({ length: 12 }, (_, index) => {
    const period = month(index, FIRST);
    return { period, due_date: monthEnd(0, `${period}-01`), amount: '30000.00' };
  });
  contractTitle = `九江镇机关保洁服务外包合同(人员${uniqueSuffix()})`;
  const content = {
    title: contractTitle,
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
      { day_type: 'workday', role: POST, people: 2, hours: 8 },
      { day_type: 'weekend', role: POST, people: 1, hours: 8 },
      { day_type: 'holiday', role: POST, people: 1, hours: 8 },
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
  return created.id;
}

before(async () => {
  server = await startServer({ name: '25-staff-documents' });
  contractId = await createContract();
  scratch = mkdtempSync(join(tmpdir(), 'houqin-e2e-documents-'));
  pdfPath = join(scratch, '健康证扫描件.pdf');
  writeFileSync(pdfPath, `%PDF-1.4\n% health certificate ${uniqueSuffix()}\n%%EOF\n`);
  browser = await openBrowser();
  page = browser.page;
});

after(async () => {
  try {
    await closeAll(browser);
  } finally {
    await server?.stop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
});

async function openRoster() {
  await go(page, `/contracts/${contractId}`);
  // The same address again changes no route (hash routing): reload, so the roster and its flags are read afresh.
  await page.reload();
  await page.locator(tid('contract-title')).getByText(contractTitle).waitFor();
  await page.locator(tid('contract-tab-staff')).click();
  await page.locator(tid('roster-table')).waitFor();
}

const flagOf = (person, kind) => page.locator(tid(`roster-doc-flag-${person.id}-${kind}`));
const fieldError = (itemId) => page.locator(`${tid(itemId)} .el-form-item__error`);

test('STF-2 the vendor adds two cleaners from the 人员 tab and each is flagged with the documents a cleaner must hold', async () => {
  await login(page, 'vendor1');
  await openRoster();
  for (const [index, person] of PEOPLE.entries()) {
    await page.locator(tid('roster-add')).click();
    await page.locator(tid('person-dialog')).waitFor();
    await page.locator(tid('person-field-name')).fill(person.name);
    await page.locator(tid('person-field-id-number')).fill(person.id_number);
    await page.locator(tid('person-field-phone')).fill(person.phone);
    await pickOption(page, 'person-field-role', POST);
    await fillDate(page, 'person-field-start-date', FIRST);
    await page.locator(tid('person-save')).click();
    await expectCount(page.locator(`${tid('person-dialog')}:visible`), 0, `person ${index + 1} saved`);
  }
  const listed = (await (await apiAs('vendor1')).get(`/contracts/${contractId}/staff?status=all`)).items;
  people = PEOPLE.map((person) => listed.find((item) => item.name === person.name));
  assert.ok(people.every(Boolean), 'both people are on the roster');
  for (const person of people) {
    await flagOf(person, 'health_certificate').waitFor();
    assert.equal((await flagOf(person, 'health_certificate').innerText()).trim(), '缺健康证');
    assert.equal((await flagOf(person, 'labour_contract').innerText()).trim(), '缺劳动合同');
    assert.equal((await page.locator(tid(`roster-insurance-flag-${person.id}`)).innerText()).trim(), '社保缺 1 个月');
  }
  await screenshot(page, '25-staff-documents-missing');
});

test('X-5 a document saved without its file is refused with the reason beside the file field, and nothing is written', async () => {
  await page.locator(tid(`roster-documents-${people[0].id}`)).click();
  await page.locator(tid('documents-dialog')).waitFor();
  assert.match(await page.locator(tid('documents-state-health_certificate')).innerText(), /缺/);
  await page.locator(tid('documents-add')).click();
  await pickOption(page, 'documents-field-kind', '劳动合同');
  await fillDate(page, 'documents-field-issued-on', FIRST);
  await page.locator(tid('documents-save')).click();
  await fieldError('documents-field-file-item').waitFor();
  assert.match(await fieldError('documents-field-file-item').innerText(), /扫描件/);
  assert.match(await page.locator(`${tid('documents-field-file-item')} .el-form-item__label`).innerText(), /扫描件或照片/);
  await screenshot(page, '25-staff-documents-no-file');
  const seen = await (await apiAs('vendor1')).get(`/staff/${people[0].id}/documents`);
  assert.deepEqual(seen.documents, [], 'nothing was written');
});

test('STF-2 an expired health certificate uploaded as a PDF is flagged in words with its date; the other person still lacks one', async () => {
  // The open form keeps the labour contract: now with its file.
  await page.locator(tid('documents-file')).setInputFiles(pdfPath);
  await page.locator(tid('documents-save')).click();
  await expectCount(page.locator(tid('documents-form')), 0, 'the labour contract is saved');

  await page.locator(tid('documents-add')).click();
  await pickOption(page, 'documents-field-kind', '健康证');
  await page.locator(tid('documents-file')).setInputFiles(pdfPath);
  await fillDate(page, 'documents-field-issued-on', addMonths(EXPIRED_ON, -12));
  await fillDate(page, 'documents-field-expires-on', EXPIRED_ON);
  await page.locator(tid('documents-save')).click();
  await expectCount(page.locator(tid('documents-form')), 0, 'the health certificate is saved');
  await page.locator(`${tid('documents-state-health_certificate')}[data-state="expired"]`).waitFor();
  assert.equal((await page.locator(tid('documents-state-health_certificate')).innerText()).trim(), `健康证已过期 ${EXPIRED_ON}`);
  const table = await page.locator(tid('documents-table')).innerText();
  assert.match(table, /健康证扫描件\.pdf/);
  assert.match(table, /SHA-256 [0-9a-f]{12}/, 'the scan is shown with its checksum');
  const saved = await (await apiAs('vendor1')).get(`/staff/${people[0].id}/documents`);
  assert.deepEqual(saved.documents.map((item) => [item.kind, item.expires_on]).sort(), [
    ['health_certificate', EXPIRED_ON],
    ['labour_contract', null],
  ]);
  await screenshot(page, '25-staff-documents-dialog');

  // D3 §3: last month's social-insurance payment.
  await page.locator(tid('insurance-add')).click();
  await fillDate(page, 'insurance-field-month', LAST_MONTH);
  await page.locator(tid('insurance-field-amount')).fill('1180.50');
  await page.locator(tid('insurance-save')).click();
  await page.locator(tid(`insurance-row-${LAST_MONTH}`)).waitFor();
  assert.match(await page.locator(tid('insurance-table')).innerText(), /1,180\.50/);
  await expectCount(page.locator(tid('documents-insurance-flag')), 0, 'no month missing any more');
  await page.locator(tid('documents-close')).click();

  await flagOf(people[0], 'health_certificate').getByText(`健康证已过期 ${EXPIRED_ON}`).waitFor();
  await expectCount(flagOf(people[0], 'labour_contract'), 0, 'the labour contract is on file');
  await expectCount(page.locator(tid(`roster-insurance-flag-${people[0].id}`)), 0, 'the payment clears the flag');
  assert.equal((await flagOf(people[1], 'health_certificate').innerText()).trim(), '缺健康证');
  assert.equal((await page.locator(tid(`roster-insurance-flag-${people[1].id}`)).innerText()).trim(), '社保缺 1 个月');
  await screenshot(page, '25-staff-documents-flags');
  await logout(page);
});

test('STF-2 the office reads the documents and payments, without buttons to write them', async () => {
  await login(page, 'office');
  await openRoster();
  await flagOf(people[0], 'health_certificate').waitFor();
  await page.locator(tid(`roster-documents-${people[0].id}`)).click();
  await page.locator(tid('documents-dialog')).waitFor();
  await page
    .locator(`${tid('documents-table')} tbody tr`)
    .first()
    .waitFor();
  assert.match(await page.locator(tid('documents-table')).innerText(), /健康证/);
  await expectCount(page.locator(tid('documents-add')), 0, 'the office does not upload documents');
  await expectCount(page.locator(tid('insurance-add')), 0, 'nor record payments');
  await page.locator(tid('documents-close')).click();
  await logout(page);
});
