// Equipment issued to a vendor's staff (STF-5, issue 13) through the UI. The vendor opens its contract's 人员 tab,
// opens a person's 物品 dialog and records a uniform issued to them; when the person's end date is set the roster flags
// the departure (离场物品未结清 1 件) until the item is settled; the vendor settles it as lost with a compensation of
// 120.35 元, and the flag clears. The office reads the same list and cannot write to it.
//
// The contract and the person are set up through the API (the contract in force from the first of last month, as in
// 21-staff); every date comes from the test clock.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addMonths, monthEnd, monthStart } from '../../../server/tests/clock.mjs';
import { apiAs, closeAll, expectCount, fillDate, go, login, logout, openBrowser, pickOption, screenshot, startServer, tid } from './helpers.mjs';
import { createStaffContract } from './staff-fixtures.mjs';

const FIRST = monthStart(-1);
const LAST = monthEnd(-1);
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
let personBody;

/** vendor1's contract in force from the first of last month (staff-fixtures.mjs). */
async function createContract() {
  const contract = await createStaffContract('人员');
  contractTitle = contract.title;
  return contract.id;
}

before(async () => {
  server = await startServer({ name: '22-staff-equipment' });
  contractId = await createContract();
  personBody = {
    name: '陈保洁',
    id_number: idNumber(addMonths(FIRST, -45 * 12), 11),
    phone: '13800000011',
    role: 'cleaner',
    post: POST,
    start_date: FIRST,
    end_date: null,
  };
  person = await (await apiAs('vendor1')).post(`/contracts/${contractId}/staff`, personBody);
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
  // The same address again changes no route (hash routing): reload, so the roster is read afresh.
  await page.reload();
  await page.locator(tid('contract-title')).getByText(contractTitle).waitFor();
  await page.locator(tid('contract-tab-staff')).click();
  await page.locator(tid('roster-table')).waitFor();
  await page.locator(tid('roster-status-all')).click();
  await page.locator(tid(`roster-row-${person.id}`)).waitFor();
}

const flag = () => page.locator(tid(`roster-equipment-flag-${person.id}`));

test("STF-5 the vendor records a uniform issued to a person from the roster's 物品 dialog, kind and value in words", async () => {
  await login(page, 'vendor1');
  await openRoster();
  await page.locator(tid(`roster-equipment-${person.id}`)).click();
  const dialog = page.locator(tid('equipment-dialog'));
  await dialog.waitFor();
  assert.match(await dialog.innerText(), /暂无发放物品/);
  await page.locator(tid('equipment-issue')).click();
  await pickOption(page, 'equipment-field-kind', '工装');
  await page.locator(tid('equipment-field-description')).fill('夏季工装');
  await page.locator(`${tid('equipment-field-quantity')} input`).fill('2');
  await page.locator(tid('equipment-field-unit-value')).fill('150.50');
  await fillDate(page, 'equipment-field-issued-on', FIRST);
  await page.locator(tid('equipment-issue-save')).click();
  await expectCount(page.locator(tid('equipment-issue-form')), 0, 'the form closes once the item is recorded');
  const items = (await (await apiAs('vendor1')).get(`/staff/${person.id}/equipment`)).items;
  assert.deepEqual(
    items.map((item) => [item.kind, item.description, item.quantity, item.unit_value, item.total_value, item.status]),
    [['uniform', '夏季工装', 2, '150.50', '301.00', 'issued']],
  );
  const row = page.locator(`${tid('equipment-table')} tbody tr`).first();
  const text = await row.innerText();
  assert.match(text, /工装/);
  assert.match(text, /301\.00/);
  assert.match(text, /未结清/);
  assert.ok(!/uniform|issued/.test(text), 'codes are shown as words');
  await screenshot(page, '22-staff-equipment-issued');
  await page.locator(tid('equipment-close')).click();
  await expectCount(flag(), 0, 'no departure flag while the person has no end date');
});

test('STF-5 a departing person is flagged 离场物品未结清 1 件 until the vendor settles the uniform as lost with 120.35 元 compensation', async () => {
  // The person leaves at the end of last month (the vendor sets the end date; 21-staff covers the person form).
  await (await apiAs('vendor1')).post(`/staff/${person.id}`, { ...personBody, end_date: LAST }, 'PUT');
  await openRoster();
  await flag().waitFor();
  assert.equal((await flag().innerText()).trim(), '离场物品未结清 1 件');
  await screenshot(page, '22-staff-equipment-flag');

  await page.locator(tid(`roster-equipment-${person.id}`)).click();
  await page.locator(tid('equipment-dialog')).waitFor();
  const item = (await (await apiAs('vendor1')).get(`/staff/${person.id}/equipment`)).items[0];
  await page.locator(tid(`equipment-lost-${item.id}`)).click();
  await page.locator(tid('equipment-settle-form')).waitFor();
  // A lost item needs its note: the server names the field and nothing is written.
  await fillDate(page, 'equipment-field-settled-on', LAST);
  await page.locator(tid('equipment-field-compensation')).fill('120.35');
  await page.locator(tid('equipment-settle-save')).click();
  await page
    .locator(`${tid('equipment-settle-form')} .el-form-item__error`)
    .first()
    .waitFor();
  assert.match(
    await page
      .locator(`${tid('equipment-settle-form')} .el-form-item__error`)
      .first()
      .innerText(),
    /说明/,
  );
  await page.locator(tid('equipment-field-note')).fill('工装遗失,按折旧赔偿');
  await page.locator(tid('equipment-settle-save')).click();
  await expectCount(page.locator(tid('equipment-settle-form')), 0, 'the settlement is saved');
  const status = page.locator(tid(`equipment-status-${item.id}`));
  await page.locator(`${tid(`equipment-status-${item.id}`)}[data-status="lost"]`).waitFor();
  assert.match(await status.innerText(), /已遗失/);
  assert.match(await page.locator(tid('equipment-table')).innerText(), /120\.35 元/);
  await expectCount(page.locator(tid(`equipment-lost-${item.id}`)), 0, 'a settled item offers no second settlement');
  await screenshot(page, '22-staff-equipment-lost');
  await page.locator(tid('equipment-close')).click();
  await expectCount(flag(), 0, 'the departure flag clears once everything is settled');
  const settled = (await (await apiAs('vendor1')).get(`/staff/${person.id}/equipment`)).items[0];
  assert.deepEqual([settled.status, settled.settled_on, settled.compensation], ['lost', LAST, '120.35']);
  await logout(page);
});

test('STF-5 the office reads what the person held and how it was settled, and cannot record or settle', async () => {
  await login(page, 'office');
  await openRoster();
  await page.locator(tid(`roster-equipment-${person.id}`)).click();
  await page.locator(tid('equipment-dialog')).waitFor();
  await page
    .locator(`${tid('equipment-table')} tbody tr`)
    .first()
    .waitFor();
  assert.match(await page.locator(tid('equipment-table')).innerText(), /夏季工装/);
  await expectCount(page.locator(tid('equipment-issue')), 0, 'the office does not record equipment');
  await page.locator(tid('equipment-close')).click();
  await logout(page);
});
