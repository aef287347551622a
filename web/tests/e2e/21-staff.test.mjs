// Staff (issue 13) through the UI. The administrator keeps this year's holiday calendar, making last month's first
// Saturday a make-up working day (STF-6). The vendor logs in from the bare address, opens its contract's 人员 tab and
// adds two people with checked ID numbers, shown masked; a number with a wrong check character is refused with the
// field named (STF-1). The office imports a month of attendance from a CSV file: one bad row refuses the whole file,
// naming the row and the column; fixed, it imports, and the compliance view finds the make-up Saturday short by one
// person (STF-6); the office then has the month's shortfall deduction proposed and opens the proposal (RP-2), which
// lists the make-up Saturday as its evidence, and approves its step (RP-4); leadership gives the final approval in its
// own browser (ROLE-3), and the deduction shows in the contract's ledger, naming the short day (RP-2).
//
// The contract is set up through the API: in force from the first of last month (server/tests/clock.mjs), so last
// month is over, staffing 保洁员 2x8 on working days and 1x8 on rest days and holidays, and a per-missing-staff-day
// clause. Every date is derived from the test clock; ID numbers carry the GB 11643 check character computed here.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { addDays, addMonths, month, monthEnd, monthStart } from '../../../server/tests/clock.mjs';
import {
  apiAs,
  approveProposalStep,
  closeAll,
  expectCount,
  fillDate,
  go,
  login,
  logout,
  openBrowser,
  openBrowserAs,
  pickOption,
  screenshot,
  startServer,
  tid,
} from './helpers.mjs';
import { createStaffContract } from './staff-fixtures.mjs';

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
let leader;
let proposalId;
let scratch;
let contractId;
let contractTitle;
let roleName;
let people = [];

/** vendor1's contract in force from the first of last month (staff-fixtures.mjs). */
async function createContract() {
  const contract = await createStaffContract('人员');
  contractTitle = contract.title;
  return contract.id;
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
    await closeAll(leader, browser);
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

test('RP-4 the proposal lists the make-up Saturday as its one evidence day, 1 person short, and the office approves its step', async () => {
  proposalId = Number(page.url().match(/#\/proposals\/(\d+)$/)?.[1]);
  const evidence = page.locator(`${tid('proposal-evidence')} tbody tr`);
  await expectCount(evidence, 1, 'one short day, one evidence row');
  const day = await evidence.first().innerText();
  assert.match(day, /缺岗日/);
  assert.ok(day.includes(MAKE_UP_SATURDAY), `the evidence names the make-up Saturday ${MAKE_UP_SATURDAY}: ${day}`);
  assert.match(day, /调休上班/);
  assert.equal((await page.locator(tid('evidence-value-0')).innerText()).trim(), '1');
  assert.match(await page.locator(tid('proposal-explanation')).innerText(), /缺岗 1 人日/);

  const step = await approveProposalStep(page, '考勤记录属实，同意按合同扣款', 'pending_leadership');
  assert.match(step, /机关事务办审核/);
  assert.equal((await page.locator(tid('proposal-status')).innerText()).trim(), '待领导审批');
  await expectCount(page.locator(tid('proposal-approve')), 0, "the final approval is not the office's");
  await screenshot(page, '21-staff-proposal-office-approved');
});

test('ROLE-3 leadership finds the shortfall deduction in its 待办 and gives the final approval in its own browser', async () => {
  leader = await openBrowserAs('leader');
  const lead = leader.page;
  await lead.locator(tid('menu-inbox')).click();
  const item = lead.locator(tid(`inbox-item-proposal-${proposalId}`));
  await item.waitFor();
  assert.match(await item.innerText(), /扣款/);
  await item.click();
  await lead.locator(`${tid('proposal-status')}[data-status="pending_leadership"]`).waitFor();
  assert.equal((await lead.locator(tid('proposal-amount')).innerText()).trim(), '200.00');
  const step = await approveProposalStep(lead, '同意按合同扣款', 'approved');
  assert.match(step, /领导审批/);
  assert.equal((await lead.locator(tid('proposal-status')).innerText()).trim(), '已批准');
  assert.equal((await lead.locator(tid('proposal-approved-amount')).innerText()).trim(), '· 批准金额 200.00');
  assert.match(await lead.locator(tid('proposal-outcome')).innerText(), /已记入付款台账/);
  await screenshot(lead, '21-staff-proposal-approved');
});

test("RP-2 the approved deduction shows in the contract's ledger: 200.00 from the proposal, naming the make-up Saturday", async () => {
  await openTab('ledger');
  const entries = page.locator(tid('ledger-entries'));
  const entry = entries.locator('tbody tr', { hasText: `建议 #${proposalId}` });
  await entry.waitFor();
  await expectCount(entries.locator('tbody tr'), 1, 'the one deduction of this contract');
  const text = await entry.innerText();
  assert.match(text, /扣款/);
  assert.equal((await entry.locator('[data-test^="ledger-entry-amount-"]').innerText()).trim(), '200.00');
  assert.equal((await entry.locator('[data-test^="ledger-entry-source-"]').innerText()).trim(), '审批建议');
  assert.match(text, /缺岗 1 人日/);
  assert.match(text, new RegExp(`${MAKE_UP_SATURDAY.slice(5)}\\s*[(（]1 人日`), `the reason names the short day ${MAKE_UP_SATURDAY}`);
  // The month's installment: 30,000.00 less the deduction is what is due.
  assert.equal((await page.locator(tid(`ledger-deductions-${MONTH}`)).innerText()).trim(), '200.00');
  assert.equal((await page.locator(tid(`ledger-due-${MONTH}`)).innerText()).trim(), '29,800.00');
  await entries.scrollIntoViewIfNeeded();
  await screenshot(page, '21-staff-ledger-deduction');

  // Back on the attendance tab the month's deduction reads as approved.
  await page.locator(tid('contract-tab-attendance')).click();
  await page.locator(`${tid('compliance-proposal-status')}[data-status="approved"]`).waitFor();
  assert.equal((await page.locator(tid('compliance-proposal-status')).innerText()).trim(), '已批准');
});
