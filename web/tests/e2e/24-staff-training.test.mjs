// Training and qualification tests of a vendor's staff (STF-3, STF-8, issue 13) through the UI. The vendor opens its
// contract's 培训 tab, records a pre-job training for two agents (2.5 hours each), records a qualification test of one
// of them at 45 points, below the pass mark of 60: the test shows 不合格 with the replacement request it opened
// (STF-4) and its deadline, and the 人员 tab shows beside the name 培训 2.5 小时, 考试 45 分 不合格 and the replacement
// due. A score of 120 is refused with the reason beside the score field, and nothing is written.
//
// The contract and the people are set up through the API (the contract in force from the first of last month, as in
// 21-staff); every date comes from the test clock.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { TODAY, addDays, addMonths, monthStart } from '../../../server/tests/clock.mjs';
import { apiAs, closeAll, expectCount, fillDate, go, login, logout, openBrowser, pickOption, screenshot, startServer, tid } from './helpers.mjs';
import { createStaffContract } from './staff-fixtures.mjs';

const FIRST = monthStart(-1);
const POST = '话务员';

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
let agent;
let agent2;

/** vendor1's contract in force from the first of last month (staff-fixtures.mjs). */
async function createContract() {
  const contract = await createStaffContract('培训');
  contractTitle = contract.title;
  return contract.id;
}

before(async () => {
  server = await startServer({ name: '24-staff-training' });
  contractId = await createContract();
  const vendor = await apiAs('vendor1');
  const person = (name, sequence) =>
    vendor.post(`/contracts/${contractId}/staff`, {
      name,
      id_number: idNumber(addMonths(FIRST, -30 * 12), sequence),
      phone: '13800000021',
      role: 'agent',
      post: POST,
      start_date: FIRST,
      end_date: null,
    });
  agent = await person('王话务', 21);
  agent2 = await person('李话务', 32);
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

async function openTab(tab, ready) {
  await go(page, `/contracts/${contractId}`);
  // The same address again changes no route (hash routing): reload, so the tab is read afresh.
  await page.reload();
  await page.locator(tid('contract-title')).getByText(contractTitle).waitFor();
  await page.locator(tid(`contract-tab-${tab}`)).click();
  await page.locator(tid(ready)).waitFor();
}

test('STF-8 the vendor records a pre-job training for two people on the 培训 tab; kind and trainer in words', async () => {
  await login(page, 'vendor1');
  await openTab('training', 'training-sessions');
  await page.locator(tid('training-session-add')).click();
  await page.locator(tid('training-session-dialog')).waitFor();
  await pickOption(page, 'training-field-kind', '岗前培训');
  await page.locator(tid('training-party-vendor')).click();
  await page.locator(tid('training-field-trainer')).fill('赵督导');
  await fillDate(page, 'training-field-date', FIRST);
  await page.locator(tid('training-field-topic')).fill('岗前公共职业培训与话务规范');
  await page.locator(tid('training-field-hours')).fill('2.5');
  await pickOption(page, 'training-field-trainees', '王话务');
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: '李话务' }).first().click();
  await page.keyboard.press('Escape');
  await page.locator(tid('training-session-save')).click();
  await expectCount(page.locator(`${tid('training-session-dialog')}:visible`), 0, 'the dialog closes once recorded');
  const training = await (await apiAs('vendor1')).get(`/contracts/${contractId}/training`);
  assert.equal(training.sessions.length, 1);
  const session = training.sessions[0];
  assert.deepEqual(
    [session.kind, session.trainer_party, session.hours, session.trained_on, session.trainees.map((trainee) => trainee.name).sort()],
    ['pre_job', 'vendor', '2.5', FIRST, ['李话务', '王话务']],
  );
  const row = page.locator(`${tid('training-sessions')} tbody tr`).first();
  await row.getByText('岗前公共职业培训与话务规范').waitFor();
  const text = await row.innerText();
  assert.match(text, /岗前培训/);
  assert.match(text, /赵督导（服务商）/);
  assert.match(text, /王话务/);
  assert.match(text, /李话务/);
  assert.ok(!/pre_job|vendor/.test(text), 'codes are shown as words');
  await screenshot(page, '24-staff-training-session');
});

test('STF-3 a score of 120 is refused with the reason beside the score, and nothing is written', async () => {
  await page.locator(tid('training-test-add')).click();
  const dialog = page.locator(tid('training-test-dialog'));
  await dialog.waitFor();
  assert.match(await dialog.innerText(), /合格分数线 60 分/);
  await pickOption(page, 'training-test-person', '王话务');
  await page.locator(tid('training-test-subject')).fill('话务资格考试');
  await page.locator(tid('training-test-score')).fill('120');
  await fillDate(page, 'training-test-date', addDays(FIRST, 3));
  await page.locator(tid('training-test-save')).click();
  const error = dialog.locator('.el-form-item__error').first();
  await error.waitFor();
  assert.match(await error.innerText(), /成绩须为 0 到 100 之间的整数/);
  await screenshot(page, '24-staff-training-score-refused');
  const training = await (await apiAs('office')).get(`/contracts/${contractId}/training`);
  assert.deepEqual(training.tests, [], 'nothing written');
});

test('STF-3 a failed test (45 < 60) shows 不合格 with the replacement request it opened (STF-4)', async () => {
  await page.locator(tid('training-test-score')).fill('45');
  await page.locator(tid('training-test-save')).click();
  await expectCount(page.locator(`${tid('training-test-dialog')}:visible`), 0, 'the dialog closes once recorded');
  const training = await (await apiAs('office')).get(`/contracts/${contractId}/training`);
  assert.equal(training.tests.length, 1);
  const failed = training.tests[0];
  assert.deepEqual([failed.person_id, failed.score, failed.pass_score, failed.result], [agent.id, 45, 60, 'fail']);
  assert.ok(failed.replacement, 'the failure opened a replacement request');
  assert.equal(failed.replacement.deadline, addDays(TODAY, 7));
  const result = page.locator(`${tid(`training-test-result-${failed.id}`)}[data-result="fail"]`);
  await result.waitFor();
  assert.equal((await result.innerText()).trim(), '不合格');
  const replacement = await page.locator(tid(`training-test-replacement-${failed.id}`)).innerText();
  assert.match(replacement, new RegExp(`更换要求 #${failed.replacement.id}：待更换，期限 ${failed.replacement.deadline}`));
  await screenshot(page, '24-staff-training-failed');
  const requests = (await (await apiAs('office')).get(`/contracts/${contractId}/replacements`)).items;
  assert.equal(requests.find((request) => request.id === failed.replacement.id)?.person_id, agent.id);
});

test("STF-3 the roster shows each person's training hours, the failed test and the replacement it made due", async () => {
  await openTab('staff', 'roster-table');
  const tags = page.locator(tid(`roster-training-${agent.id}`));
  await tags.waitFor();
  const text = await tags.innerText();
  assert.match(text, /培训 2\.5 小时/);
  assert.match(text, /考试 45 分 不合格/);
  assert.match(text, new RegExp(`${addDays(TODAY, 7)} 前更换`));
  const other = await page.locator(tid(`roster-training-${agent2.id}`)).innerText();
  assert.match(other, /培训 2\.5 小时/);
  assert.ok(!/考试/.test(other), 'no test recorded for the other person');
  await screenshot(page, '24-staff-training-roster');
  await logout(page);
});
