// A served department reads who works for it (STF-1, issue 13): 刘干事 of 社会事务办 logs in from the bare address,
// opens 服务人员 from the menu and finds the cleaning contract that serves the department with its cleaner on the
// roster: the name, the role in words, the ID number masked, and nothing to change or reveal. A department no contract
// serves (财政所) is told so, in words, with whom to ask.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addMonths, monthStart } from '../../../server/tests/clock.mjs';
import { apiAs, closeAll, login, logout, openBrowser, screenshot, startServer, tid } from './helpers.mjs';
import { POST, createStaffContract, idNumber } from './staff-fixtures.mjs';

const FIRST = monthStart(-1);
let server;
let browser;
let page;
let contract;
let person;
let fullId;

before(async () => {
  server = await startServer({ name: '29-served-staff' });
  contract = await createStaffContract('服务部门', { department: '社会事务办' });
  fullId = idNumber(addMonths(FIRST, -38 * 12), 29);
  person = await (
    await apiAs('vendor1')
  ).post(`/contracts/${contract.id}/staff`, {
    name: '黄保洁',
    id_number: fullId,
    phone: '13800000029',
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

test('STF-1 the served department opens 服务人员 and reads its cleaner on the contract that serves it, ID masked', async () => {
  await login(page, 'dept');
  await page.locator(tid('menu-served-staff')).click();
  await page.locator(tid(`served-contract-${contract.id}`)).waitFor();
  assert.match(await page.locator(tid(`served-contract-${contract.id}`)).innerText(), /服务部门/);
  assert.match(await page.locator(tid('served-people-current')).innerText(), /1 人/);
  const row = page.locator(tid(`served-row-${person.id}`));
  await row.waitFor();
  assert.equal(await row.innerText(), '黄保洁');
  assert.equal(await page.locator(tid(`served-role-${person.id}`)).innerText(), '保洁员', 'the role in words, not its code');
  const shown = await page.locator(tid(`served-id-${person.id}`)).innerText();
  assert.match(shown, /^\d{6}\*{8}\d{3}[\dX]$/, `the ID number is masked: ${shown}`);
  const table = await page.locator(tid('served-roster')).innerText();
  assert.ok(!table.includes(fullId), 'the full ID number is nowhere on the page');
  assert.equal(await page.getByRole('button', { name: /^(显示|编辑)$/ }).count(), 0, 'nothing to reveal or change');
  await screenshot(page, '29-served-staff');
  await logout(page);
});

test('STF-1 a department no contract serves is told so, and whom to ask', async () => {
  await login(page, 'dept2');
  await page.locator(tid('menu-served-staff')).click();
  const none = page.locator(tid('served-none'));
  await none.waitFor();
  assert.match(await none.innerText(), /没有以本部门为责任部门的在履行合同/);
  assert.match(await none.innerText(), /机关事务办/);
  await logout(page);
});
