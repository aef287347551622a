// Outbound numbers by written request (CC-2) and extra rewards (CC-5), issue 14, through the UI. The office opens its
// call-centre contract's 外呼中心 tab and asks in writing for an outbound number to be added; the vendor, in its own
// browser, reports it carried out with what it prepared (a report without that is refused beside the field); the
// register shows the number from the day stated. The office records an extra reward for a person on the roster and
// the month's list shows it with the person's and the month's totals in yuan, in words, not codes.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { TODAY, dateOfYear } from '../../../server/tests/clock.mjs';
import { apiAs, closeAll, expectCount, go, login, openBrowser, screenshot, startServer, tid } from './helpers.mjs';
import { createStaffContract, idNumber } from './staff-fixtures.mjs';

let server;
let office;
let vendor;
let contract;
const AGENT = '坐席陈小红';
const NUMBER = '02088886666';

before(async () => {
  server = await startServer({ name: '31-callcentre-numbers-rewards' });
  contract = await createStaffContract('号码奖励', { category: 'callcenter', post: '话务员' });
  const vendorApi = await apiAs('vendor1');
  await vendorApi.post(`/contracts/${contract.id}/staff`, {
    name: AGENT,
    id_number: idNumber(dateOfYear(-27, '04-09'), 33),
    phone: '13800000033',
    role: 'agent',
    post: '话务员',
    start_date: TODAY,
    end_date: null,
  });
  office = await openBrowser();
  vendor = await openBrowser();
});

after(async () => {
  try {
    await closeAll(office, vendor);
  } finally {
    await server?.stop();
  }
});

async function openTab(page, tab, panel) {
  await go(page, `/contracts/${contract.id}`);
  await page.reload();
  await page.locator(tid('contract-title')).getByText(contract.title).waitFor();
  await page.locator(tid('contract-tab-callcentre')).click();
  await page.locator(tid(`callcentre-tab-${tab}`)).click();
  await page.locator(tid(panel)).waitFor();
}

test('CC-2 the office asks in writing for an outbound number to be added', async () => {
  const page = office.page;
  await login(page, 'office');
  await openTab(page, 'numbers', 'numbers');
  assert.match(await page.locator(tid('number-current')).innerText(), /尚无登记的外呼号码/);
  await page.locator(tid('number-request-new')).click();
  const dialog = page.locator(tid('number-request-dialog'));
  await dialog.waitFor();
  await page.locator(tid('number-number')).fill(NUMBER);
  await page.locator(tid('number-label')).fill('回访专线');
  await page.locator(tid('number-reason')).fill('新增回访专线,请乙方在外呼系统配置主叫号码');
  await page.locator(tid('number-request-confirm')).click();
  await dialog.waitFor({ state: 'hidden' });
  const row = page.locator(`${tid('number-requests')} tbody tr`).first();
  await row.getByText('待乙方办理').waitFor();
  const text = await row.innerText();
  assert.match(text, new RegExp(`新增外呼号码:${NUMBER}`));
  assert.match(text, /用途:回访专线/);
  assert.ok(!/\badd\b|requested/.test(text), 'codes are shown as words');
  await expectCount(page.locator(`${tid('number-requests')} [data-test^="number-carry-out-"]`), 0, 'the office does not carry out its own request');
  await screenshot(page, '31-callcentre-number-requested');
});

test('CC-2 the vendor reports the number prepared; the register shows it from the day stated', async () => {
  const page = vendor.page;
  await login(page, 'vendor1');
  await openTab(page, 'numbers', 'numbers');
  await expectCount(page.locator(tid('number-request-new')), 0, 'only the office asks');
  const carry = page.locator(`${tid('number-requests')} [data-test^="number-carry-out-"]`).first();
  await carry.waitFor();
  await carry.click();
  await page.locator(tid('number-answer-dialog')).waitFor();
  await page.locator(tid('number-answer-confirm')).click();
  const error = page.locator(`${tid('number-answer-dialog')} .el-form-item__error`).first();
  await error.waitFor();
  assert.match(await error.innerText(), /准备了哪些数据/);
  await page.locator(tid('number-answer-comment')).fill('已在外呼平台配置主叫号码,外显测试通过');
  await page.locator(tid('number-answer-confirm')).click();
  await page.locator(`${tid('number-requests')} [data-status="carried_out"]`).waitFor();
  await page.locator(tid(`number-current-${NUMBER}`)).waitFor();
  assert.match(await page.locator(tid('number-current')).innerText(), /回访专线/);
  const history = await page.locator(tid('number-history')).innerText();
  assert.match(history, new RegExp(NUMBER));
  assert.match(history, /仍在登记中/);
  await page
    .locator(`${tid('number-requests')} [data-test^="number-steps-"]`)
    .first()
    .click();
  const steps = page.locator('[data-test^="number-steps-list-"]:visible').first();
  await steps.waitFor();
  const stepText = await steps.innerText();
  assert.match(stepText, /甲方书面申请/);
  assert.match(stepText, /乙方已办理/);
  assert.ok(!/carry_out/.test(stepText), 'step names are words');
  await screenshot(page, '31-callcentre-number-carried-out');

  // The office sees the register on its own page.
  await openTab(office.page, 'numbers', 'numbers');
  await office.page.locator(tid(`number-current-${NUMBER}`)).waitFor();
});

test("CC-5 the office records an extra reward; the month lists it with the person's and the month's totals", async () => {
  const page = office.page;
  await openTab(page, 'rewards', 'rewards');
  assert.match(await page.locator(tid('reward-total')).innerText(), /有效合计:0\.00 元/);
  await page.locator(tid('reward-new')).click();
  const dialog = page.locator(tid('reward-dialog'));
  await dialog.waitFor();
  await page.locator(tid('reward-confirm')).click();
  const error = dialog.locator('.el-form-item__error').first();
  await error.waitFor();
  assert.match(await error.innerText(), /请至少选择一人/);
  await page.locator(tid('reward-people')).click();
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: AGENT }).first().click();
  await page.locator(tid('reward-amount')).fill('1200.50');
  await page.locator(tid('reward-handed-out-by-vendor')).click();
  await page.locator(tid('reward-reason')).fill('月度外呼满意度第一名,甲方额外奖励');
  await page.locator(tid('reward-confirm')).click();
  await dialog.waitFor({ state: 'hidden' });
  const row = page.locator(`${tid('reward-list')} tbody tr`).first();
  await row.getByText(AGENT).waitFor();
  const text = await row.innerText();
  assert.match(text, /1,200\.50 元/);
  assert.match(text, /乙方发放/);
  assert.match(text, /甲方出资/);
  assert.match(text, /有效/);
  assert.ok(!/vendor|organisation|recorded/.test(text), 'codes are shown as words');
  assert.match(await page.locator(tid('reward-total')).innerText(), /有效合计:1,200\.50 元/);
  const totals = await page.locator(tid('reward-people-totals')).innerText();
  assert.match(totals, new RegExp(AGENT));
  assert.match(totals, /1,200\.50 元/);
  await screenshot(page, '31-callcentre-reward-recorded');
});
