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
import { TODAY, addDays, addMonths, monthStart } from '../../../server/tests/clock.mjs';
import { apiAs, closeAll, expectCount, go, login, logout, openBrowser, pickOption, screenshot, startServer, tid, tinyPng } from './helpers.mjs';
import { createStaffContract } from './staff-fixtures.mjs';

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

/** vendor1's contract in force from the first of last month (staff-fixtures.mjs). */
async function createContract() {
  const contract = await createStaffContract('更换');
  contractTitle = contract.title;
  return contract.id;
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
