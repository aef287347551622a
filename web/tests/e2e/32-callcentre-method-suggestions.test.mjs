// The agent scoring method (CC-3) and penalty suggestions (CC-4, issue 14) through the UI. The vendor drafts a
// version of the scoring method on its call-centre contract; weights that do not add up to 100 are refused beside
// the weights; it submits the version and the office approves it, which makes it version 1, in force this month.
// The office suggests a penalty for a named agent for last month in time; once the server's clock is past 00:00 on
// the 2nd, a suggestion for last month is refused with the reason (the month and the deadline) under the month.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addDays, at, dateOfYear, month, monthStart } from '../../../server/tests/clock.mjs';
import { apiAs, closeAll, expectCount, fillDate, go, login, openBrowser, screenshot, startServer, tid } from './helpers.mjs';
import { createStaffContract, idNumber } from './staff-fixtures.mjs';

let server;
let office;
let vendor;
let lateOffice;
let contract;
const AGENT = '坐席周晓燕';
const LAST_MONTH = month(-1);
const DEADLINE_DAY = addDays(monthStart(0), 1);

before(async () => {
  server = await startServer({ name: '32-callcentre-method-suggestions' });
  contract = await createStaffContract('考核', { category: 'callcenter', post: '话务员' });
  const vendorApi = await apiAs('vendor1');
  await vendorApi.post(`/contracts/${contract.id}/staff`, {
    name: AGENT,
    id_number: idNumber(dateOfYear(-27, '08-16'), 41),
    phone: '13800000041',
    role: 'agent',
    post: '话务员',
    start_date: monthStart(-1),
    end_date: null,
  });
  office = await openBrowser();
  vendor = await openBrowser();
});

after(async () => {
  try {
    await closeAll(office, vendor, lateOffice);
  } finally {
    await server?.stop();
  }
});

async function openPanel(page, tab, panel) {
  await go(page, `/contracts/${contract.id}`);
  await page.reload();
  await page.locator(tid('contract-title')).getByText(contract.title).waitFor();
  await page.locator(tid('contract-tab-callcentre')).click();
  await page.locator(tid(`callcentre-tab-${tab}`)).click();
  await page.locator(tid(panel)).waitFor();
}

async function fillNumber(page, testId, value) {
  const input = page.locator(`${tid(testId)} input`);
  await input.fill(String(value));
  await input.press('Tab');
}

test('CC-3 the vendor drafts the scoring method; weights not adding up to 100 are refused beside the weights; it submits the version', async () => {
  const page = vendor.page;
  await login(page, 'vendor1');
  await openPanel(page, 'method', 'cc-method');
  assert.match(await page.locator(tid('method-in-force')).innerText(), /尚无已批准/);
  await page.locator(tid('method-draft')).click();
  const dialog = page.locator(tid('method-dialog'));
  await dialog.waitFor();
  await fillNumber(page, 'method-visits-target', 400);
  await fillNumber(page, 'method-talk-target', 72000);
  await fillNumber(page, 'method-weight-discipline', 30);
  await page.locator(tid('method-save')).click();
  const error = dialog.locator('.el-form-item__error').first();
  await error.waitFor();
  assert.match(await error.innerText(), /合计 100 分，现为 110\.00 分/);
  await screenshot(page, '32-callcentre-method-weights-refused');
  await fillNumber(page, 'method-weight-discipline', 20);
  await page.locator(tid('method-note')).fill('按去年同期水平设定目标');
  await page.locator(tid('method-save')).click();
  await dialog.waitFor({ state: 'hidden' });
  const table = page.locator(tid('method-versions'));
  await table.getByText('乙方草拟中').waitFor();
  const text = await table.innerText();
  assert.match(text, /劳动纪律 20 \+ 成功访问 40 \+ 呼出时长 20 \+ 培训成绩 20 分/);
  assert.match(text, /成功访问 400 次，呼出时长 1200 分钟/);
  assert.ok(!/by_days_held|draft\b/.test(text), 'codes are shown as words');
  await page
    .locator(`${tid('method-versions')} [data-test^="method-submit-"]`)
    .first()
    .click();
  await page.locator(tid('method-step-dialog')).waitFor();
  await page.locator(tid('method-step-confirm')).click();
  await table.getByText('待甲方审批').waitFor();
  await expectCount(page.locator(`${tid('method-versions')} [data-test^="method-edit-"]`), 0, 'a submitted version is not edited');
});

test("CC-3 the office approves the vendor's method: version 1, in force this month, with who approved it", async () => {
  const page = office.page;
  await login(page, 'office');
  await openPanel(page, 'method', 'cc-method');
  await expectCount(page.locator(tid('method-draft')), 0, 'only the vendor drafts');
  await page
    .locator(`${tid('method-versions')} [data-test^="method-approve-"]`)
    .first()
    .click();
  await page.locator(tid('method-step-dialog')).waitFor();
  await page.locator(tid('method-step-comment')).fill('同意');
  await page.locator(tid('method-step-confirm')).click();
  const table = page.locator(tid('method-versions'));
  await table.getByText('已批准').waitFor();
  assert.match(await table.innerText(), /第 1 版/);
  assert.match(await page.locator(tid('method-in-force')).innerText(), /本月适用第 1 版/);
  await page
    .locator(`${tid('method-versions')} [data-test^="method-steps-"]`)
    .first()
    .click();
  const steps = page.locator('[data-test^="method-steps-list-"]:visible').first();
  await steps.waitFor();
  const stepText = await steps.innerText();
  assert.match(stepText, /草拟/);
  assert.match(stepText, /提交审批/);
  assert.match(stepText, /批准/);
  await screenshot(page, '32-callcentre-method-approved');
});

test('CC-4 a suggestion in time is submitted for last month; after 00:00 on the 2nd one for last month is refused with the reason under the month', async () => {
  const page = office.page;
  await openPanel(page, 'suggestions', 'cc-suggestions');
  assert.match(await page.locator(tid('suggestion-deadline')).innerText(), new RegExp(`${LAST_MONTH} 月的处罚建议截止于 ${DEADLINE_DAY} 00:00`));
  await page.locator(tid('suggestion-new')).click();
  const dialog = page.locator(tid('suggestion-dialog'));
  await dialog.waitFor();
  await page.locator(tid('suggestion-person')).click();
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: AGENT }).first().click();
  await page.locator(tid('suggestion-confirm')).click();
  const missing = dialog.locator('.el-form-item__error').first();
  await missing.waitFor();
  assert.match(await missing.innerText(), /至少一项/);
  await page.locator(tid('suggestion-recording')).fill('REC-0518-0031');
  await page.locator(tid('suggestion-note')).fill('外呼时未按规范核实客户身份');
  await page.locator(tid('suggestion-confirm')).click();
  await dialog.waitFor({ state: 'hidden' });
  const table = page.locator(tid('suggestions'));
  await table.getByText('待乙方核实').waitFor();
  assert.match(await table.innerText(), /计入/);

  // The server's clock moves past the deadline of last month.
  await server.restart({ fakeNow: at(DEADLINE_DAY, '00:00') });
  lateOffice = await openBrowser();
  const late = lateOffice.page;
  await login(late, 'office');
  await openPanel(late, 'suggestions', 'cc-suggestions');
  assert.match(await late.locator(tid('suggestion-deadline')).innerText(), new RegExp(`${month(0)} 月的处罚建议`));
  await late.locator(tid('suggestion-new')).click();
  const lateDialog = late.locator(tid('suggestion-dialog'));
  await lateDialog.waitFor();
  await late.locator(tid('suggestion-person')).click();
  await late.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: AGENT }).first().click();
  await fillDate(late, 'suggestion-month', LAST_MONTH);
  await late.locator(tid('suggestion-note')).fill('督导抽查:通话中使用不文明用语');
  await late.locator(tid('suggestion-confirm')).click();
  const refused = lateDialog.locator('.el-form-item__error').first();
  await refused.waitFor();
  const reason = await refused.innerText();
  assert.match(reason, new RegExp(`已过 ${LAST_MONTH} 月处罚建议的截止时间 ${DEADLINE_DAY} 00:00`));
  assert.match(reason, /不计入/);
  await screenshot(late, '32-callcentre-suggestion-refused');
  await late.locator(`${tid('suggestion-dialog')} .el-dialog__headerbtn`).click();
  await lateDialog.waitFor({ state: 'hidden' });
  await expectCount(late.locator(`${tid('suggestions')} [data-test^="suggestion-status-"]`), 1, 'nothing written');
});
