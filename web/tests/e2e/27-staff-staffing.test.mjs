// Extra managers by written request (STF-9, issue 13) through the UI. The office opens its contract's 考勤 tab, asks
// in writing for one more duty manager on working days; a request without its reason is refused beside the field.
// The vendor sees the request, consents, and the tab's staffing history gains a second version, from the date asked,
// with the request as its source, while the contract's own terms stay the first version.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { TODAY } from '../../../server/tests/clock.mjs';
import { closeAll, expectCount, go, login, logout, openBrowser, screenshot, startServer, tid } from './helpers.mjs';
import { createStaffContract } from './staff-fixtures.mjs';

let server;
let browser;
let page;
let contract;

before(async () => {
  server = await startServer({ name: '27-staff-staffing' });
  contract = await createStaffContract();
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

async function openAttendance() {
  await go(page, `/contracts/${contract.id}`);
  await page.reload();
  await page.locator(tid('contract-title')).getByText(contract.title).waitFor();
  await page.locator(tid('contract-tab-attendance')).click();
  await page.locator(tid('staffing-requests')).waitFor();
  await page.locator(tid('staffing-version-0')).waitFor();
}

test('STF-9 the office asks in writing for an extra duty manager; a request without its reason is refused beside the field', async () => {
  await login(page, 'office');
  await openAttendance();
  await page.locator(tid('staffing-request-new')).click();
  const dialog = page.locator(tid('staffing-request-dialog'));
  await dialog.waitFor();
  await page.locator(tid('staffing-request-confirm')).click();
  const error = dialog.locator('.el-form-item__error').first();
  await error.waitFor();
  assert.match(await error.innerText(), /必填|请填写/);
  await page.locator(tid('staffing-reason')).fill('来访高峰期需增配值班经理一名');
  await page.locator(tid('staffing-request-confirm')).click();
  await dialog.waitFor({ state: 'hidden' });
  const row = page.locator(`${tid('staffing-request-table')} tbody tr`).first();
  await row.getByText('待乙方答复').waitFor();
  const text = await row.innerText();
  assert.match(text, /增配值班经理 1 人,每人每日 8 小时/);
  assert.match(text, /工作日/);
  assert.ok(!/duty_manager|workday|requested/.test(text), 'codes are shown as words');
  await expectCount(page.locator(`${tid('staffing-request-table')} [data-test^="staffing-consent-"]`), 0, 'the office does not answer its own request');
  await screenshot(page, '27-staff-staffing-requested');
  await logout(page);
});

test('STF-9 the vendor consents, and the staffing history shows the change from the date asked with its source', async () => {
  await login(page, 'vendor1');
  await openAttendance();
  await expectCount(page.locator(tid('staffing-request-new')), 0, 'only the office asks');
  const consent = page.locator(`${tid('staffing-request-table')} [data-test^="staffing-consent-"]`).first();
  await consent.waitFor();
  await consent.click();
  await page.locator(tid('staffing-answer-dialog')).waitFor();
  await page.locator(tid('staffing-answer-comment')).fill('同意,明日到岗');
  await page.locator(tid('staffing-answer-confirm')).click();
  await page.locator(`${tid('staffing-request-table')} [data-status="consented"]`).waitFor();
  assert.match(await page.locator(tid('staffing-request-table')).innerText(), /乙方已同意/);
  await page.locator(tid('staffing-version-1')).waitFor();
  assert.equal(await page.locator(tid('staffing-version-1')).getAttribute('data-from'), TODAY);
  const history = await page.locator(tid('staffing-history')).innerText();
  assert.match(history, /合同约定的人员配置/);
  assert.match(history, /书面要求增配值班经理/);
  assert.match(history, /值班经理 1 人/);
  await screenshot(page, '27-staff-staffing-consented');
  await logout(page);
});
