// Agent IDs by written request (CC-1, issue 14) through the UI. The office opens its call-centre contract's 外呼中心
// tab and asks in writing for an agent ID for a person on the roster; a request without its reason is refused beside
// the field. The vendor, in its own browser, carries it out with the ID its outbound system gave; the ID appears among
// the IDs in use and in the history from the day stated, and the request's steps read in words.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { TODAY, dateOfYear } from '../../../server/tests/clock.mjs';
import { apiAs, closeAll, expectCount, go, login, openBrowser, screenshot, startServer, tid } from './helpers.mjs';
import { createStaffContract, idNumber } from './staff-fixtures.mjs';

let server;
let office;
let vendor;
let contract;
const AGENT = '坐席王小明';

before(async () => {
  server = await startServer({ name: '30-callcentre-agent-ids' });
  contract = await createStaffContract('工号', { category: 'callcenter', post: '话务员' });
  const vendorApi = await apiAs('vendor1');
  await vendorApi.post(`/contracts/${contract.id}/staff`, {
    name: AGENT,
    id_number: idNumber(dateOfYear(-28, '05-06'), 31),
    phone: '13800000031',
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

async function openAgents(page) {
  await go(page, `/contracts/${contract.id}`);
  await page.reload();
  await page.locator(tid('contract-title')).getByText(contract.title).waitFor();
  await page.locator(tid('contract-tab-callcentre')).click();
  await page.locator(tid('agent-ids')).waitFor();
}

test('CC-1 the office asks in writing for an agent ID for a person on the roster; a request without its reason is refused beside the field', async () => {
  const page = office.page;
  await login(page, 'office');
  await openAgents(page);
  assert.match(await page.locator(tid('agent-id-current')).innerText(), /没有有效工号/);
  await page.locator(tid('agent-id-request-new')).click();
  const dialog = page.locator(tid('agent-id-request-dialog'));
  await dialog.waitFor();
  await page.locator(tid('agent-id-person')).click();
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: AGENT }).first().click();
  await page.locator(tid('agent-id-request-confirm')).click();
  const error = dialog.locator('.el-form-item__error').first();
  await error.waitFor();
  assert.match(await error.innerText(), /必填|请填写/);
  await page.locator(tid('agent-id-reason')).fill('新入职话务员上岗,需开通外呼工号');
  await page.locator(tid('agent-id-request-confirm')).click();
  await dialog.waitFor({ state: 'hidden' });
  const row = page.locator(`${tid('agent-id-requests')} tbody tr`).first();
  await row.getByText('待乙方办理').waitFor();
  const text = await row.innerText();
  assert.match(text, new RegExp(`开通工号:${AGENT}`));
  assert.match(text, /外呼/);
  assert.ok(!/\bopen\b|outbound|requested/.test(text), 'codes are shown as words');
  await expectCount(page.locator(`${tid('agent-id-requests')} [data-test^="agent-id-carry-out-"]`), 0, 'the office does not carry out its own request');
  await screenshot(page, '30-callcentre-agent-id-requested');
});

test('CC-1 the vendor carries the request out with the ID; it is in use from the day stated and the steps read in words', async () => {
  const page = vendor.page;
  await login(page, 'vendor1');
  await openAgents(page);
  await expectCount(page.locator(tid('agent-id-request-new')), 0, 'only the office asks');
  const carry = page.locator(`${tid('agent-id-requests')} [data-test^="agent-id-carry-out-"]`).first();
  await carry.waitFor();
  await carry.click();
  await page.locator(tid('agent-id-answer-dialog')).waitFor();
  await page.locator(tid('agent-id-answer-confirm')).click();
  const error = page.locator(`${tid('agent-id-answer-dialog')} .el-form-item__error`).first();
  await error.waitFor();
  assert.match(await error.innerText(), /请填写工号/);
  await page.locator(tid('agent-id-answer-agent-id')).fill('8031');
  await page.locator(tid('agent-id-answer-comment')).fill('已在外呼系统开通');
  await page.locator(tid('agent-id-answer-confirm')).click();
  await page.locator(`${tid('agent-id-requests')} [data-status="carried_out"]`).waitFor();
  await page.locator(tid('agent-id-current-8031')).waitFor();
  const current = await page.locator(tid('agent-id-current')).innerText();
  assert.match(current, new RegExp(AGENT));
  assert.match(current, /外呼/);
  const history = await page.locator(tid('agent-id-history')).innerText();
  assert.match(history, /8031/);
  assert.match(history, /至今有效/);
  await page
    .locator(`${tid('agent-id-requests')} [data-test^="agent-id-steps-"]`)
    .first()
    .click();
  const steps = page.locator('[data-test^="agent-id-steps-list-"]:visible').first();
  await steps.waitFor();
  const stepText = await steps.innerText();
  assert.match(stepText, /甲方提出书面申请/);
  assert.match(stepText, /乙方办理/);
  assert.ok(!/carry_out/.test(stepText), 'step names are words');
  await screenshot(page, '30-callcentre-agent-id-carried-out');

  // The office sees the vendor's answer on its own page.
  await openAgents(office.page);
  await office.page.locator(tid('agent-id-current-8031')).waitFor();
});
