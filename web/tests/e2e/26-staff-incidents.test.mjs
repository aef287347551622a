// Incidents on a contract (STF-7, issue 13) through the UI, from the bare address. The office opens the contract's
// 事件 tab and records a data leak by USB copy (D2 on-site rule 3, CC-7) with Party B responsible and 500.00 元
// compensation; a record without its type is refused with the reason beside the field. The vendor reads the incident
// in words. The office closes it with a note (a close without the note is refused beside it), and the renewal basis
// (RP-5) counts it as Party B's.
//
// The contract and the person are set up through the API (the contract in force from the first of last month, as in
// staff-fixtures.mjs); every date comes from the test clock.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { TODAY, addDays, addMonths, monthStart } from '../../../server/tests/clock.mjs';
import { apiAs, closeAll, expectCount, fillDate, go, login, logout, openBrowser, pickOption, screenshot, startServer, tid } from './helpers.mjs';
import { POST, createStaffContract, idNumber } from './staff-fixtures.mjs';

const FIRST = monthStart(-1);

let server;
let browser;
let page;
let contractId;
let contractTitle;

before(async () => {
  server = await startServer({ name: '26-staff-incidents' });
  ({ id: contractId, title: contractTitle } = await createStaffContract());
  await (
    await apiAs('vendor1')
  ).post(`/contracts/${contractId}/staff`, {
    name: '陈保洁',
    id_number: idNumber(addMonths(FIRST, -45 * 12), 11),
    phone: '13800000011',
    role: 'cleaner',
    post: POST,
    start_date: FIRST,
    end_date: null,
  });
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

async function openIncidents() {
  await go(page, `/contracts/${contractId}`);
  // The same address again changes no route (hash routing): reload, so the list is read afresh.
  await page.reload();
  await page.locator(tid('contract-title')).getByText(contractTitle).waitFor();
  await page.locator(tid('contract-tab-incidents')).click();
  await page.locator(tid('incident-table')).waitFor();
}

async function theIncident() {
  const list = await (await apiAs('office')).get(`/contracts/${contractId}/incidents`);
  assert.equal(list.items.length, 1, 'one incident on the contract');
  return list.items[0];
}

const dialogError = (dialogId) => page.locator(`${tid(dialogId)} .el-form-item__error`).first();

test('STF-7 the office records a data leak by USB copy, Party B responsible, 500.00 元; without a type it is refused beside the field', async () => {
  await login(page, 'office');
  await openIncidents();
  assert.match(await page.locator(tid('incident-table')).innerText(), /暂无事件/);
  await page.locator(tid('incident-new')).click();
  await page.locator(tid('incident-dialog')).waitFor();
  await fillDate(page, 'incident-occurred-on', addDays(FIRST, 3));
  await page.locator(tid('incident-description')).fill('驻场人员用 U 盘拷贝外呼名单带出现场');
  await pickOption(page, 'incident-party', '乙方');
  await page.locator(tid('incident-compensation')).fill('500.00');
  // No type: the server refuses and names the field; its reason shows beside 事件类型.
  await page.locator(tid('incident-confirm')).click();
  await dialogError('incident-dialog').waitFor();
  assert.match(await dialogError('incident-dialog').innerText(), /事件类型/);
  assert.deepEqual((await (await apiAs('office')).get(`/contracts/${contractId}/incidents`)).items, [], 'nothing was written');
  await screenshot(page, '26-staff-incidents-type-refused');

  await pickOption(page, 'incident-type', '数据泄露');
  await page.locator(tid('incident-channel-usb_copy')).click();
  await page.locator(tid('incident-confirm')).click();
  await expectCount(page.locator(`${tid('incident-dialog')}:visible`), 0, 'the dialog closes once the incident is recorded');
  const incident = await theIncident();
  assert.deepEqual(
    [incident.type, incident.leak_channel, incident.responsible_party, incident.payer, incident.compensation, incident.status],
    ['data_leak', 'usb_copy', 'party_b', 'party_b', '500.00', 'open'],
  );
  await page.locator(tid(`incident-row-${incident.id}`)).waitFor();
  const text = await page.locator(tid('incident-table')).innerText();
  assert.match(text, /数据泄露/);
  assert.match(text, /U 盘拷贝/);
  assert.match(text, /乙方/);
  assert.match(text, /500\.00/);
  assert.match(text, /处理中/);
  assert.ok(!/data_leak|usb_copy|party_b/.test(text), 'codes are shown as words');
  await screenshot(page, '26-staff-incidents-recorded');
  await logout(page);
});

test('STF-7 the vendor reads the incident on its contract, type, party and status in words', async () => {
  await login(page, 'vendor1');
  await openIncidents();
  const incident = await theIncident();
  await page.locator(tid(`incident-row-${incident.id}`)).waitFor();
  assert.match(await page.locator(tid(`incident-type-${incident.id}`)).innerText(), /数据泄露/);
  assert.match(await page.locator(tid(`incident-party-${incident.id}`)).innerText(), /乙方/);
  assert.match(await page.locator(tid(`incident-compensation-${incident.id}`)).innerText(), /由乙方承担/);
  assert.match(await page.locator(tid(`incident-status-${incident.id}`)).innerText(), /处理中/);
  await logout(page);
});

test('STF-7 the office closes the incident with a note; without the note it is refused beside the field; closed, it offers no second close', async () => {
  await login(page, 'office');
  await openIncidents();
  const incident = await theIncident();
  await page.locator(tid(`incident-close-${incident.id}`)).click();
  await page.locator(tid('incident-close-dialog')).waitFor();
  await fillDate(page, 'incident-closed-on', TODAY);
  await page.locator(tid('incident-close-confirm')).click();
  await dialogError('incident-close-dialog').waitFor();
  assert.match(await dialogError('incident-close-dialog').innerText(), /结案说明/);
  await page.locator(tid('incident-note')).fill('已追回 U 盘并删除数据,乙方赔偿 500 元');
  await page.locator(tid('incident-close-confirm')).click();
  await page.locator(`${tid(`incident-status-${incident.id}`)}[data-status="closed"]`).waitFor();
  assert.match(await page.locator(tid(`incident-status-${incident.id}`)).innerText(), /已结案/);
  assert.match(await page.locator(tid(`incident-note-${incident.id}`)).innerText(), /已追回/);
  await expectCount(page.locator(tid(`incident-close-${incident.id}`)), 0, 'a closed incident cannot be closed again or reopened');
  await screenshot(page, '26-staff-incidents-closed');
  const closed = await theIncident();
  assert.deepEqual([closed.status, closed.closed_on], ['closed', TODAY]);
});

test("RP-5 the renewal basis shows the incident as Party B's, with its compensation", async () => {
  await openIncidents();
  await page.locator(tid('contract-tab-renewal')).click();
  const tally = page.locator(tid('renewal-incidents'));
  await tally.waitFor();
  assert.equal(await tally.getAttribute('data-total'), '1');
  assert.equal(await tally.getAttribute('data-party-b'), '1');
  assert.equal(await tally.getAttribute('data-party-b-compensation'), '500.00');
  const text = await tally.innerText();
  assert.match(text, /数据泄露 1 起/);
  assert.match(text, /乙方责任 1 起,乙方赔偿 500\.00 元/);
  await tally.scrollIntoViewIfNeeded();
  await screenshot(page, '26-staff-incidents-renewal');
  await logout(page);
});
