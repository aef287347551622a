// Training and qualification tests of a vendor's staff (STF-3, STF-8, issue 13) through the UI. The vendor opens its
// contract's 培训 tab, records a pre-job training for two agents (2.5 hours each), records a qualification test of one
// of them at 45 points, below the pass mark of 60: the test shows 不合格 with the replacement request it opened
// (STF-4) and its deadline, and the 人员 tab shows beside the name 培训 2.5 小时, 考试 45 分 不合格 and the replacement
// due. A score of 120 is refused with the reason beside the score field, and nothing is written.
//
// The contract and the people are set up through the API (the contract in force from the first of last month, as in
// 21-staff); every date comes from the test clock.
import assert from 'node:assert/strict';
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
const POST = '话务员';

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
let agent;
let agent2;

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
  contractTitle = `九江镇机关保洁服务外包合同(培训${uniqueSuffix()})`;
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
  server = await startServer({ name: '24-staff-training' });
  contractId = await createContract();
  const vendor = await apiAs('vendor1');
  const person = (name, sequence) =>
    vendor.post(`/contracts/${contractId}/staff`, {
      name,
      id_number: idNumber(addMonths(FIRST, -30 * 12), sequence),
      phone: '13800000021',
      role: 'agent',
      post: POST,
      start_date: FIRST,
      end_date: null,
    });
  agent = await person('王话务', 21);
  agent2 = await person('李话务', 32);
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

async function openTab(tab, ready) {
  await go(page, `/contracts/${contractId}`);
  // The same address again changes no route (hash routing): reload, so the tab is read afresh.
  await page.reload();
  await page.locator(tid('contract-title')).getByText(contractTitle).waitFor();
  await page.locator(tid(`contract-tab-${tab}`)).click();
  await page.locator(tid(ready)).waitFor();
}

test('STF-8 the vendor records a pre-job training for two people on the 培训 tab; kind and trainer in words', async () => {
  await login(page, 'vendor1');
  await openTab('training', 'training-sessions');
  await page.locator(tid('training-session-add')).click();
  await page.locator(tid('training-session-dialog')).waitFor();
  await pickOption(page, 'training-field-kind', '岗前培训');
  await page.locator(tid('training-party-vendor')).click();
  await page.locator(tid('training-field-trainer')).fill('赵督导');
  await fillDate(page, 'training-field-date', FIRST);
  await page.locator(tid('training-field-topic')).fill('岗前公共职业培训与话务规范');
  await page.locator(tid('training-field-hours')).fill('2.5');
  await pickOption(page, 'training-field-trainees', '王话务');
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: '李话务' }).first().click();
  await page.keyboard.press('Escape');
  await page.locator(tid('training-session-save')).click();
  await expectCount(page.locator(`${tid('training-session-dialog')}:visible`), 0, 'the dialog closes once recorded');
  const training = await (await apiAs('vendor1')).get(`/contracts/${contractId}/training`);
  assert.equal(training.sessions.length, 1);
  const session = training.sessions[0];
  assert.deepEqual(
    [session.kind, session.trainer_party, session.hours, session.trained_on, session.trainees.map((trainee) => trainee.name).sort()],
    ['pre_job', 'vendor', '2.5', FIRST, ['李话务', '王话务']],
  );
  const row = page.locator(`${tid('training-sessions')} tbody tr`).first();
  await row.getByText('岗前公共职业培训与话务规范').waitFor();
  const text = await row.innerText();
  assert.match(text, /岗前培训/);
  assert.match(text, /赵督导（服务商）/);
  assert.match(text, /王话务/);
  assert.match(text, /李话务/);
  assert.ok(!/pre_job|vendor/.test(text), 'codes are shown as words');
  await screenshot(page, '24-staff-training-session');
});

test('STF-3 a score of 120 is refused with the reason beside the score, and nothing is written', async () => {
  await page.locator(tid('training-test-add')).click();
  const dialog = page.locator(tid('training-test-dialog'));
  await dialog.waitFor();
  assert.match(await dialog.innerText(), /合格分数线 60 分/);
  await pickOption(page, 'training-test-person', '王话务');
  await page.locator(tid('training-test-subject')).fill('话务资格考试');
  await page.locator(tid('training-test-score')).fill('120');
  await fillDate(page, 'training-test-date', addDays(FIRST, 3));
  await page.locator(tid('training-test-save')).click();
  const error = dialog.locator('.el-form-item__error').first();
  await error.waitFor();
  assert.match(await error.innerText(), /成绩须为 0 到 100 之间的整数/);
  await screenshot(page, '24-staff-training-score-refused');
  const training = await (await apiAs('office')).get(`/contracts/${contractId}/training`);
  assert.deepEqual(training.tests, [], 'nothing written');
});

test('STF-3 a failed test (45 < 60) shows 不合格 with the replacement request it opened (STF-4)', async () => {
  await page.locator(tid('training-test-score')).fill('45');
  await page.locator(tid('training-test-save')).click();
  await expectCount(page.locator(`${tid('training-test-dialog')}:visible`), 0, 'the dialog closes once recorded');
  const training = await (await apiAs('office')).get(`/contracts/${contractId}/training`);
  assert.equal(training.tests.length, 1);
  const failed = training.tests[0];
  assert.deepEqual([failed.person_id, failed.score, failed.pass_score, failed.result], [agent.id, 45, 60, 'fail']);
  assert.ok(failed.replacement, 'the failure opened a replacement request');
  assert.equal(failed.replacement.deadline, addDays(TODAY, 7));
  const result = page.locator(`${tid(`training-test-result-${failed.id}`)}[data-result="fail"]`);
  await result.waitFor();
  assert.equal((await result.innerText()).trim(), '不合格');
  const replacement = await page.locator(tid(`training-test-replacement-${failed.id}`)).innerText();
  assert.match(replacement, new RegExp(`更换要求 #${failed.replacement.id}：待更换，期限 ${failed.replacement.deadline}`));
  await screenshot(page, '24-staff-training-failed');
  const requests = (await (await apiAs('office')).get(`/contracts/${contractId}/replacements`)).items;
  assert.equal(requests.find((request) => request.id === failed.replacement.id)?.person_id, agent.id);
});

test("STF-3 the roster shows each person's training hours, the failed test and the replacement it made due", async () => {
  await openTab('staff', 'roster-table');
  const tags = page.locator(tid(`roster-training-${agent.id}`));
  await tags.waitFor();
  const text = await tags.innerText();
  assert.match(text, /培训 2\.5 小时/);
  assert.match(text, /考试 45 分 不合格/);
  assert.match(text, new RegExp(`${addDays(TODAY, 7)} 前更换`));
  const other = await page.locator(tid(`roster-training-${agent2.id}`)).innerText();
  assert.match(other, /培训 2\.5 小时/);
  assert.ok(!/考试/.test(other), 'no test recorded for the other person');
  await screenshot(page, '24-staff-training-roster');
  await logout(page);
});
