// Staff (issue 13) through the UI. The administrator keeps this year's holiday calendar, making last month's first
// Saturday a make-up working day (STF-6). The vendor logs in from the bare address, opens its contract's 人员 tab and
// adds two people with checked ID numbers, shown masked; a number with a wrong check character is refused with the
// field named (STF-1). The office imports a month of attendance from a CSV file: one bad row refuses the whole file,
// naming the row and the column; fixed, it imports, and the compliance view finds the make-up Saturday short by one
// person (STF-6); the office then has the month's shortfall deduction proposed and opens the proposal (RP-2).
//
// The contract is set up through the API: in force from the first of last month (server/tests/clock.mjs), so last
// month is over, staffing 保洁员 2x8 on working days and 1x8 on rest days and holidays, and a per-missing-staff-day
// clause. Every date is derived from the test clock; ID numbers carry the GB 11643 check character computed here.
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

const MONTH = month(-1);
const FIRST = monthStart(-1);
const LAST = monthEnd(-1);
const THIS_YEAR = Number(FIRST.slice(0, 4));
const POST = '保洁员';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** GB 11643-1999: the check character of the first 17 digits (weighted sum mod 11 indexes "10X98765432"). */
function checkCharacter(first17) {
  const sum = [...first17].reduce((total, digit, index) => total + Number(digit) * WEIGHTS[index], 0);
  return '10X98765432'[sum % 11];
}
/** A valid ID number of Shunde (440681) for a birth date and a sequence (odd: a man). */
function idNumber(birth, sequence) {
  const first17 = `440681${birth.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}
/** The same number with a wrong check character. */
function brokenIdNumber(number) {
  return number.slice(0, 17) + (number.endsWith('1') ? '2' : '1');
}

/** ISO weekday (1 Monday .. 7 Sunday). */
function weekday(date) {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}
const MONTH_DAYS = [];
for (let date = FIRST; date <= LAST; date = addDays(date, 1)) MONTH_DAYS.push(date);
const MAKE_UP_SATURDAY = MONTH_DAYS.find((date) => weekday(date) === 6);
// Birth dates are the test's own, derived from the clock as every date is (about 45 and 38 years ago).
const PEOPLE = [
  { name: '陈保洁', birth: addMonths(FIRST, -45 * 12), sequence: 11, phone: '13800000011' },
  { name: '李保洁', birth: addDays(addMonths(FIRST, -38 * 12), 14), sequence: 22, phone: '13800000022' },
].map((person) => ({ ...person, id_number: idNumber(person.birth, person.sequence) }));

/**
 * Attendance of last month: both people on working days (the make-up Saturday included, where only the first comes:
 * the day is short by one), the first alone on rest days. One row per person and day, header row first.
 */
function attendanceCsv({ badRow = false } = {}) {
  const lines = ['身份证号,姓名,岗位,日期,上班时间,下班时间,跨夜'];
  for (const date of MONTH_DAYS) {
    const rest = weekday(date) >= 6 && date !== MAKE_UP_SATURDAY;
    const count = rest || date === MAKE_UP_SATURDAY ? 1 : 2;
    for (const person of PEOPLE.slice(0, count)) lines.push(`${person.id_number},${person.name},${POST},${date},08:00,16:00,否`);
  }
  // Line 6 of the file (the header is line 1): a clock-in at 25:00.
  if (badRow) lines.splice(5, 0, `${PEOPLE[1].id_number},${PEOPLE[1].name},${POST},${FIRST},25:00,16:00,否`);
  return `${lines.join('\r\n')}\r\n`;
}

let server;
let browser;
let page;
let scratch;
let contractId;
let contractTitle;
let roleName;
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
  server = await startServer({ name: '21-staff' });
  scratch = mkdtempSync(join(tmpdir(), 'houqin-e2e-staff-'));
  contractId = await createContract();
  const roles = (await (await apiAs('vendor1')).get('/staff-roles')).items;
  const role = roles.find((item) => item.code === 'cleaner') ?? roles[0];
  roleName = role.name['zh-CN'];
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

/** Opens the contract's page and one of its tabs (staff, attendance). */
async function openTab(name) {
  await go(page, `/contracts/${contractId}`);
  await page.locator(tid('contract-title')).getByText(contractTitle).waitFor();
  await page.locator(tid(`contract-tab-${name}`)).click();
}

/** The error Element Plus shows under a form item whose wrapper carries the data-test id. */
const fieldError = (itemId) => page.locator(`${tid(itemId)} .el-form-item__error`);

test("STF-6 the administrator makes last month's first Saturday a make-up working day; one on a weekday is refused, saying why", async () => {
  await login(page, 'admin');
  await page.locator(tid('menu-holiday-calendar')).click();
  await page.locator(tid('holiday-years')).waitFor();
  assert.match(await page.locator(tid('menu-holiday-calendar')).innerText(), /节假日安排/);
  const yearInput = page.locator(`${tid('holiday-new-year')} input`);
  await yearInput.fill(String(THIS_YEAR));
  await page.locator(tid('holiday-add-year')).click();
  await page.locator(`${tid('holiday-editor')}[data-year="${THIS_YEAR}"]`).waitFor();
  await page.locator(tid('holiday-source')).fill('测试通知');

  // A make-up working day on a Monday is refused before anything is sent, with the reason on its row.
  const monday = MONTH_DAYS.find((date) => weekday(date) === 1);
  await page.locator(tid('holiday-add-day')).click();
  await fillDate(page, 'holiday-day-date-0', monday);
  await pickOption(page, 'holiday-day-kind-0', '调休上班');
  await page.locator(tid('holiday-day-name-0')).fill('节日调休');
  await page.locator(tid('holiday-save')).click();
  await page.locator(tid('holiday-day-error-0')).waitFor();
  assert.match(await page.locator(tid('holiday-day-error-0')).innerText(), /调休上班只能在周六或周日/);

  await fillDate(page, 'holiday-day-date-0', MAKE_UP_SATURDAY);
  await page.locator(tid('holiday-save')).click();
  await page.locator(tid(`holiday-year-${THIS_YEAR}`)).waitFor();
  await expectCount(page.locator(tid('holiday-day-error-0')), 0);
  const kept = await (await apiAs('office')).get(`/holiday-calendars/${THIS_YEAR}`);
  assert.deepEqual(
    kept.days.map((day) => [day.date, day.kind]),
    [[MAKE_UP_SATURDAY, 'work']],
  );
  await screenshot(page, '21-staff-holiday-calendar');
  await logout(page);
});

test("STF-1 the vendor adds two people from its contract's 人员 tab; their ID numbers are shown masked, in full only on 显示", async () => {
  await login(page, 'vendor1');
  await openTab('staff');
  await page.locator(tid('roster-table')).waitFor();
  for (const [index, person] of PEOPLE.entries()) {
    await page.locator(tid('roster-add')).click();
    await page.locator(tid('person-dialog')).waitFor();
    await page.locator(tid('person-field-name')).fill(person.name);
    await page.locator(tid('person-field-id-number')).fill(person.id_number);
    await page.locator(tid('person-field-phone')).fill(person.phone);
    await pickOption(page, 'person-field-role', roleName);
    await fillDate(page, 'person-field-start-date', FIRST);
    await page.locator(tid('person-save')).click();
    await expectCount(page.locator(`${tid('person-dialog')}:visible`), 0, `person ${index + 1} saved`);
  }
  const listed = (await (await apiAs('vendor1')).get(`/contracts/${contractId}/staff?status=all`)).items;
  people = PEOPLE.map((person) => listed.find((item) => item.name === person.name));
  assert.ok(people.every(Boolean), 'both people are on the roster');
  for (const [index, person] of people.entries()) {
    const shown = page.locator(tid(`roster-id-${person.id}`));
    await shown.waitFor();
    const text = (await shown.innerText()).trim();
    assert.equal(text, `${PEOPLE[index].id_number.slice(0, 6)}********${PEOPLE[index].id_number.slice(14)}`, 'masked');
    assert.match(await page.locator(tid(`roster-status-${person.id}`)).innerText(), /在岗/);
    assert.equal((await page.locator(tid(`roster-role-${person.id}`)).innerText()).trim(), roleName, 'the role in words');
  }
  assert.ok(!(await page.locator(tid('roster-table')).innerText()).includes(PEOPLE[1].id_number), 'no full number in the list');
  await screenshot(page, '21-staff-roster-masked');

  await page.locator(tid(`roster-reveal-${people[0].id}`)).click();
  await page
    .locator(tid(`roster-id-${people[0].id}`))
    .getByText(PEOPLE[0].id_number)
    .waitFor();
});

test('STF-1 an ID number with a wrong check character is refused, the reason shown beside the 身份证号 field, and nobody is added', async () => {
  await page.locator(tid('roster-add')).click();
  await page.locator(tid('person-dialog')).waitFor();
  await page.locator(tid('person-field-name')).fill('王保洁');
  await page.locator(tid('person-field-id-number')).fill(brokenIdNumber(idNumber(addMonths(FIRST, -30 * 12), 33)));
  await fillDate(page, 'person-field-start-date', FIRST);
  await page.locator(tid('person-save')).click();
  await fieldError('person-field-id-number-item').waitFor();
  assert.match(await page.locator(`${tid('person-field-id-number-item')} .el-form-item__label`).innerText(), /身份证号/);
  assert.match(await fieldError('person-field-id-number-item').innerText(), /校验/);
  await screenshot(page, '21-staff-id-refused');
  await page.locator(`${tid('person-dialog')} .el-dialog__headerbtn`).click();
  const listed = await (await apiAs('vendor1')).get(`/contracts/${contractId}/staff?status=all`);
  assert.equal(listed.total, 2, 'the refused person was not written');
  await logout(page);
});

test('STF-6 the office imports a month of attendance: a bad row refuses the file naming 第 6 行 and 上班时间; fixed, it imports', async () => {
  await login(page, 'office');
  await openTab('attendance');
  await page.locator(tid('compliance')).waitFor();
  const badPath = join(scratch, '考勤-有误.csv');
  writeFileSync(badPath, attendanceCsv({ badRow: true }));
  await page.locator(tid('attendance-import')).click();
  await page.locator(tid('attendance-import-file')).setInputFiles(badPath);
  await page.locator(tid('attendance-import-submit')).click();
  const errors = page.locator(tid('attendance-import-error-table'));
  await errors.waitFor();
  await expectCount(errors.locator('tbody tr'), 1, 'one bad row');
  const row = await errors.locator('tbody tr').first().innerText();
  assert.match(row, /第 6 行/);
  assert.match(row, /上班时间/);
  assert.ok(!row.includes('clock_in'), 'the column by its name, not its key');
  // The alert fades in: the screenshot waits until it is fully shown.
  await page.waitForFunction((selector) => getComputedStyle(document.querySelector(selector)).opacity === '1', tid('attendance-import-error-message'));
  await screenshot(page, '21-staff-import-refused');
  const none = await (await apiAs('office')).get(`/contracts/${contractId}/attendance?month=${MONTH}`);
  assert.equal(none.total, 0, 'nothing of the bad file was written');

  const goodPath = join(scratch, '考勤.csv');
  writeFileSync(goodPath, attendanceCsv());
  await page.locator(tid('attendance-import-file')).setInputFiles(goodPath);
  await page.locator(tid('attendance-import-submit')).click();
  await expectCount(page.locator(`${tid('attendance-import-dialog')}:visible`), 0, 'the dialog closes once imported');
  const rows = attendanceCsv().trim().split('\r\n').length - 1;
  await page
    .locator(`${tid('attendance-pager')} .el-pagination__total`)
    .getByText(String(rows))
    .waitFor();
});

test('STF-6 the compliance view counts the make-up Saturday as a working day and finds it short by one person', async () => {
  const saturday = page.locator(`${tid(`compliance-day-${MAKE_UP_SATURDAY}`)}[data-short="true"]`);
  await saturday.waitFor();
  assert.match(await saturday.innerText(), /周六/);
  assert.match(await page.locator(tid(`compliance-day-type-${MAKE_UP_SATURDAY}`)).innerText(), /工作日\s*调休上班/);
  assert.equal((await page.locator(tid(`compliance-missing-${MAKE_UP_SATURDAY}`)).innerText()).trim(), '1');
  assert.match(await page.locator(tid(`compliance-present-${MAKE_UP_SATURDAY}`)).innerText(), new RegExp(`${PEOPLE[0].name} 8 小时`));
  assert.equal((await page.locator(tid('compliance-short-days')).innerText()).trim(), '1 天');
  assert.equal((await page.locator(tid('compliance-missing-person-days')).innerText()).trim(), '1 人日');
  await expectCount(page.locator(`${tid('compliance-days')} [data-short="true"]`), 1, 'only the make-up Saturday is short');
  await expectCount(page.locator(tid('compliance-warning')), 0, 'this year has its calendar');
  await screenshot(page, '21-staff-compliance');
});

test("RP-2 the office has the month's shortfall deduction proposed and opens it: 200.00 for the one missing person-day", async () => {
  // The rules may already have proposed it when the attendance came in; the button asks them again for this contract.
  if ((await page.locator(tid('compliance-propose')).count()) > 0) {
    await page.locator(tid('compliance-propose')).click();
  }
  const link = page.locator(`a${tid('compliance-proposal-link')}`);
  await link.waitFor();
  assert.match(await page.locator(tid('compliance-proposal-status')).innerText(), /待机关事务办审核/);
  await link.click();
  await page.waitForURL(/#\/proposals\/\d+$/);
  await page.locator(tid('proposal-detail')).waitFor();
  await page.locator(tid('proposal-amount')).getByText('200.00').waitFor();
  await screenshot(page, '21-staff-proposal');
});
