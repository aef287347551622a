// Replacement requests (STF-4, D2 staff rule 6, issue 13) through the UI. On the contract's 人员 tab the office asks
// for 陈保洁 to be replaced: sending it without a reason is refused with the server's reason beside 更换理由; with the
// reason and the scanned letter it is sent, due after the days the setting gives, and shows as 待更换. The vendor opens
// the same tab, reports naming 林接替 from the roster, and the request reads 已回复待确认; the office confirms it and it
// reads 已完成, its history naming each step, who took it and why, in words.
//
// The contract and the two people are set up through the API (the contract in force from the first of last month, as
// in 22-staff-equipment); every date comes from the test clock.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { TODAY, addDays, addMonths, month, monthEnd, monthStart } from '../../../server/tests/clock.mjs';
import {
  BASE_URL,
  apiAs,
  closeAll,
  expectCount,
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
const POST = '保洁员';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** A valid GB 11643 ID number of Shunde (440681) for a birth date and a sequence. */
function idNumber(birth, sequence) {
  const first17 = `440681${birth.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  const sum = [...first17].reduce((total, digit, index) => total + Number(digit) * WEIGHTS[index], 0);
  return first17 + '10X98765432'[sum % 11];
}

let server;
let browser;
let page;
let contractId;
let contractTitle;
let person;
let successor;
let requestId;

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
  contractTitle = `九江镇机关保洁服务外包合同(更换${uniqueSuffix()})`;
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
  server = await startServer({ name: '23-staff-replacement' });
  contractId = await createContract();
  const vendor = await apiAs('vendor1');
  const add = (name, sequence) =>
    vendor.post(`/contracts/${contractId}/staff`, {
      name,
      id_number: idNumber(addMonths(FIRST, -40 * 12), sequence),
      phone: '13800000021',
      role: 'cleaner',
      post: POST,
      start_date: FIRST,
      end_date: null,
    });
  person = await add('陈保洁', 21);
  successor = await add('林接替', 23);
  browser = await openBrowser();
  page = browser.page;
});

after(async () => {
  try {
    await closeAll(browser);
  } finally {
    await server?.stop();
  }
});

async function openRoster() {
  await go(page, `/contracts/${contractId}`);
  // The same address again changes no route (hash routing): reload, so the tab is read afresh.
  await page.reload();
  await page.locator(tid('contract-title')).getByText(contractTitle).waitFor();
  await page.locator(tid('contract-tab-staff')).click();
  await page.locator(tid('roster-table')).waitFor();
  await page.locator(tid('replacement-table')).waitFor();
}

const status = () => page.locator(tid(`replacement-status-${requestId}`));

test('STF-4 the office asks in writing for a person to be replaced: without a reason it is refused beside the field, with the reason and the letter it is sent', async () => {
  await login(page, 'office');
  await openRoster();
  assert.match(await page.locator(tid('replacement-table')).innerText(), /暂无人员更换要求/);
  await page.locator(tid('replacement-new')).click();
  const dialog = page.locator(tid('replacement-request-dialog'));
  await dialog.waitFor();
  assert.ok((await page.locator(tid('replacement-deadline-hint')).innerText()).includes(`7 天内(${addDays(TODAY, 7)} 前)`), 'the deadline the setting gives');
  await pickOption(page, 'replacement-person', '陈保洁');
  await page.locator(tid('replacement-request-confirm')).click();
  const error = dialog.locator('.el-form-item__error').first();
  await error.waitFor();
  assert.match(await error.innerText(), /更换理由/, "the server's reason is shown beside 更换理由");
  await screenshot(page, '23-staff-replacement-refused');
  const office = await apiAs('office');
  assert.deepEqual((await office.get(`/contracts/${contractId}/replacements`)).items, [], 'the refused request wrote nothing');

  await page.locator(tid('replacement-reason')).fill('该保洁员多次未按规定完成楼道清洁,经提醒仍未改正');
  await page.locator(tid('replacement-file')).setInputFiles({ name: '人员更换函.png', mimeType: 'image/png', buffer: tinyPng(16) });
  await page.locator(tid('replacement-request-confirm')).click();
  // The list shows the request once it is sent.
  await page.locator('[data-test^="replacement-status-"]').first().waitFor();
  const [request] = (await office.get(`/contracts/${contractId}/replacements`)).items;
  requestId = request.id;
  assert.deepEqual([request.person_id, request.status, request.deadline, request.attachment_name], [person.id, 'open', addDays(TODAY, 7), '人员更换函.png']);
  await status().waitFor();
  assert.equal((await status().innerText()).trim(), '待更换');
  const row = await page
    .locator(`${tid('replacement-table')} tbody tr`)
    .first()
    .innerText();
  assert.match(row, /陈保洁/);
  assert.match(row, /人员更换函\.png/);
  assert.match(row, new RegExp(`${addDays(TODAY, 7)} 前回复`));
  assert.ok(!/open|deadline/.test(row), 'codes are shown as words');
  await expectCount(page.locator(tid(`replacement-overdue-${requestId}`)), 0, 'not overdue on the day it is asked');
  await expectCount(page.locator(tid(`replacement-confirm-${requestId}`)), 0, 'nothing to confirm before the report');
  await screenshot(page, '23-staff-replacement-asked');
  await logout(page);
});

test('STF-4 the vendor reports naming the replacement from its roster, and the request reads 已回复待确认', async () => {
  await login(page, 'vendor1');
  await openRoster();
  await expectCount(page.locator(tid('replacement-new')), 0, 'only the office asks for a replacement');
  await page.locator(tid(`replacement-report-${requestId}`)).click();
  const dialog = page.locator(tid('replacement-report-dialog'));
  await dialog.waitFor();
  assert.match(await dialog.innerText(), /经提醒仍未改正/, "the office's reason is shown to the vendor");
  await pickOption(page, 'replacement-successor', '林接替');
  await page.locator(tid('replacement-note')).fill('已核实,陈保洁调离本项目,由林接替接岗');
  await page.locator(tid('replacement-report-confirm')).click();
  await page.locator(`${tid(`replacement-status-${requestId}`)}[data-status="reported"]`).waitFor();
  assert.equal((await status().innerText()).trim(), '已回复待确认');
  assert.match(await page.locator(tid(`replacement-successor-name-${requestId}`)).innerText(), /接替:林接替/);
  await expectCount(page.locator(tid(`replacement-report-${requestId}`)), 0, 'reported once, the vendor waits for the office');
  const [request] = (await (await apiAs('vendor1')).get(`/contracts/${contractId}/replacements`)).items;
  assert.deepEqual([request.status, request.replacement_id], ['reported', successor.id]);
  await screenshot(page, '23-staff-replacement-reported');
  await logout(page);
});

test('STF-4 the office confirms the report; the request reads 已完成 and its history names each step, who and why', async () => {
  await login(page, 'office');
  await openRoster();
  await page.locator(tid(`replacement-confirm-${requestId}`)).click();
  await page.locator(tid('replacement-decide-dialog')).waitFor();
  await page.locator(tid('replacement-decide-comment')).fill('已到岗核实');
  await page.locator(tid('replacement-decide-confirm')).click();
  await page.locator(`${tid(`replacement-status-${requestId}`)}[data-status="closed"]`).waitFor();
  assert.equal((await status().innerText()).trim(), '已完成');
  await page.locator(tid(`replacement-history-${requestId}`)).click();
  const steps = page.locator(tid(`replacement-steps-${requestId}`));
  await steps.waitFor();
  const history = await steps.innerText();
  for (const words of ['提出更换要求', '回复更换情况', '确认完成', '经提醒仍未改正', '由林接替接岗', '已到岗核实']) {
    assert.ok(history.includes(words), `the history shows ${words}: ${history}`);
  }
  assert.ok(!/\b(request|report|confirm)\b/.test(history), 'steps are named in words');
  await screenshot(page, '23-staff-replacement-closed');
  const [request] = (await (await apiAs('office')).get(`/contracts/${contractId}/replacements`)).items;
  assert.deepEqual(
    request.events.map((event) => event.action),
    ['request', 'report', 'confirm'],
  );
  await logout(page);
});
