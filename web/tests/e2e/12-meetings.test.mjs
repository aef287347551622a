// A work meeting from scheduling to minutes with a department's opinion (SUP-1), a rectification from the meeting
// reported by the vendor with evidence and verified by the office, overdue rectifications in red (SUP-2); the renewal
// basis of the contract (RP-5) and the supervision charts on the office's home page.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { MONTH, TODAY, contractCode, day, daysBetween, month } from '../../../server/tests/clock.mjs';
import {
  apiAs,
  closeAll,
  expectCount,
  fillDate,
  go,
  openBrowserAs,
  pickOption,
  pickRemote,
  screenshot,
  startServer,
  tid,
  tinyPng,
  uniqueSuffix,
} from './helpers.mjs';

// The demo's contract in force, created under the test clock.
const CONTRACT_CODE = contractCode(1);
const VENDOR = '九江长安物业服务有限公司';
const suffix = uniqueSuffix();
const LAST_MONTH = Number(month(-1).slice(5, 7));
const MEETING = `${MONTH}月后勤服务工作例会${suffix}`;
const RECTIFICATION = `会议室茶水间卫生整改${suffix}`;
const OPINION = `财政所、社会事务办楼层茶水间台面积水，请加强巡查（${suffix}）`;
// The demo's overdue rectification: due two weeks ago and still open.
const DEMO_OVERDUE = '公共区域午间巡查';

let server;
let office;
let page;
let contractId;
let scratch;
const others = [];

async function browserAs(username) {
  const browser = await openBrowserAs(username);
  others.push(browser);
  return browser.page;
}

/** Opens a list page and the row whose link text is `title`. */
async function openRow(where, menu, table, title) {
  await where.locator(tid(menu)).click();
  await where.locator(tid(table)).waitFor();
  await where
    .locator(`${tid(table)} tbody tr`, { hasText: title })
    .locator('a', { hasText: title })
    .click();
}

const statusOf = (where, id) => where.locator(tid(id)).getAttribute('data-status');

before(async () => {
  server = await startServer({ name: '12-meetings' });
  scratch = mkdtempSync(join(tmpdir(), 'houqin-e2e-meeting-'));
  const api = await apiAs('office');
  const contracts = await api.get(`/contracts?q=${CONTRACT_CODE}&status=active`);
  contractId = contracts.items.find((row) => row.code === CONTRACT_CODE)?.id;
  assert.ok(contractId, `the demo has the active contract ${CONTRACT_CODE}`);
  office = await openBrowserAs('office');
  page = office.page;
});

after(async () => {
  try {
    await closeAll(others, office);
  } finally {
    await server?.stop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
});

test('SUP-1 the office schedules a work meeting with the vendor and a department', async () => {
  await page.locator(tid('menu-meetings')).click();
  await page.locator(tid('meeting-table')).waitFor();
  await page.locator(tid('meeting-create')).click();
  const dialog = page.locator(tid('meeting-dialog'));
  await dialog.waitFor();
  await page.locator(tid('meeting-title')).fill(MEETING);
  // Today (minutes can be recorded once the meeting's day has come), in Shanghai time.
  const when = page.locator(`${tid('meeting-scheduled-at')} input`);
  await when.fill(`${TODAY} 09:30`);
  await when.press('Enter');
  await page.locator(tid('meeting-location')).fill('镇政府三楼会议室');
  await pickRemote(page, 'meeting-vendors', '长安', VENDOR);
  await page.keyboard.press('Escape');
  await pickOption(page, 'meeting-departments', '社会事务办');
  await page.keyboard.press('Escape');
  await page.locator(tid('meeting-agenda')).fill(`一、通报${LAST_MONTH}月考核情况；二、听取各部门意见；三、部署整改`);
  await screenshot(page, '12-meeting-schedule');
  await page.locator(tid('meeting-save')).click();
  await dialog.waitFor({ state: 'hidden' });

  await page.locator(tid('meeting-detail')).waitFor();
  await page.locator(`${tid('meeting-detail-title')}:text-is("${MEETING}")`).waitFor();
  assert.equal(await statusOf(page, 'meeting-detail-status'), 'scheduled');
  assert.match(await page.locator(tid('meeting-detail-scheduled-at')).innerText(), new RegExp(`${TODAY} 09:30`));
  assert.match(await page.locator(tid('meeting-detail-vendors')).innerText(), new RegExp(VENDOR));
  assert.match(await page.locator(tid('meeting-detail-departments')).innerText(), /社会事务办/);
});

test('SUP-1 a department user submits an opinion online', async () => {
  const dept = await browserAs('dept');
  await openRow(dept, 'menu-meetings', 'meeting-table', MEETING);
  await dept.locator(`${tid('meeting-detail-title')}:text-is("${MEETING}")`).waitFor();
  // A department comments; it does not run the meeting.
  for (const button of ['meeting-minutes-open', 'meeting-rectification-create', 'meeting-cancel']) {
    await expectCount(dept.locator(tid(button)), 0, `${button} is not offered to a department`);
  }
  await dept.locator(tid('opinion-kind-opinion')).click();
  await dept.locator(tid('opinion-content')).fill(OPINION);
  await dept.locator(tid('opinion-submit')).click();
  const row = dept.locator(`${tid('opinion-list')} tbody tr`, { hasText: suffix });
  await row.waitFor();
  assert.match(await row.innerText(), /意见/);
  assert.match(await row.innerText(), /社会事务办/);
  assert.equal(await dept.locator(tid('opinion-content')).inputValue(), '', 'the form is cleared for the next one');
  await screenshot(dept, '12-meeting-opinion');
});

test('SUP-1 the office records the minutes: the meeting is held', async () => {
  await page.reload();
  const opinion = page.locator(`${tid('opinion-list')} tbody tr`, { hasText: suffix });
  await opinion.waitFor();
  assert.match(await opinion.innerText(), /刘干事/);
  await page.locator(tid('meeting-minutes-open')).click();
  const dialog = page.locator(tid('minutes-dialog'));
  await dialog.waitFor();
  await page.locator(tid('minutes-attendees')).fill('王主任、刘干事、长安物业张经理');
  await page.locator(tid('minutes-text')).fill(`会议通报了${LAST_MONTH}月考核情况；社会事务办反映茶水间台面积水，服务商承诺一周内整改（${suffix}）。`);
  await page.locator(tid('minutes-save')).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.locator(`${tid('meeting-detail-status')}[data-status="held"]`).waitFor();
  assert.equal((await page.locator(tid('meeting-detail-status')).innerText()).trim(), '已召开');
  assert.match(await page.locator(tid('meeting-minutes')).innerText(), new RegExp(suffix));
  assert.match(await page.locator(tid('meeting-attendees-present')).innerText(), /张经理/);
});

test('SUP-2 the office issues a rectification from the meeting', async () => {
  await page.locator(tid('meeting-rectification-create')).click();
  const dialog = page.locator(tid('rectification-dialog'));
  await dialog.waitFor();
  assert.ok(await page.locator(`${tid('rectification-meeting-id')}`).isDisabled(), 'the meeting is filled in');
  await pickRemote(page, 'rectification-contract', CONTRACT_CODE);
  await page.locator(tid('rectification-title')).fill(RECTIFICATION);
  await page.locator(tid('rectification-requirement')).fill('茶水间台面每两小时擦拭一次，地面保持干燥，建立巡查记录');
  await fillDate(page, 'rectification-deadline', day(7));
  // Typing into the next field closes the date panel, as a user's next click does.
  await page.locator(tid('rectification-owner')).click();
  await page.locator(tid('rectification-owner')).fill('张经理');
  assert.equal(await page.locator(`${tid('rectification-deadline')} input`).inputValue(), day(7));
  await page.locator(tid('rectification-save')).click();
  await dialog.waitFor({ state: 'hidden' });

  const row = page.locator(`${tid('meeting-rectifications')} tbody tr`, { hasText: RECTIFICATION });
  await row.waitFor();
  assert.equal(await row.locator('[data-test^="meeting-rectification-status-"]').getAttribute('data-status'), 'open');
  assert.match(await row.innerText(), new RegExp(day(7)));
  await expectCount(row.locator('[data-test^="meeting-rectification-overdue-"]'), 0);
  await screenshot(page, '12-meeting-held');
});

test('SUP-2 vendor1 reports the rectification done with an evidence file', async () => {
  const vendor = await browserAs('vendor1');
  await openRow(vendor, 'menu-rectifications', 'rectification-table', RECTIFICATION);
  await vendor.locator(`${tid('rectification-detail-title')}:text-is("${RECTIFICATION}")`).waitFor();
  assert.equal(await statusOf(vendor, 'rectification-detail-status'), 'open');
  await expectCount(vendor.locator(tid('rectification-verify')), 0);
  await vendor.locator(tid('rectification-report')).click();
  const dialog = vendor.locator(tid('completion-dialog'));
  await dialog.waitFor();
  await vendor.locator(tid('completion-text')).fill(`已增加茶水间巡查，每两小时擦拭台面并登记，附巡查记录照片（${suffix}）`);
  const evidence = join(scratch, '茶水间巡查记录.png');
  writeFileSync(evidence, tinyPng(32, 0xa0));
  await vendor.locator(tid('completion-files')).setInputFiles(evidence);
  assert.match(await vendor.locator(tid('completion-file-list')).innerText(), /茶水间巡查记录\.png/);
  await vendor.locator(tid('completion-submit')).click();
  await dialog.waitFor({ state: 'hidden' });
  await vendor.locator(`${tid('rectification-detail-status')}[data-status="reported"]`).waitFor();
  assert.match(await vendor.locator(tid('rectification-detail-completion')).innerText(), new RegExp(suffix));
  const link = vendor.locator(`${tid('rectification-evidence')} a`, { hasText: '茶水间巡查记录.png' });
  await link.waitFor();
  assert.match(await link.getAttribute('href'), /\/api\/v1\/attachments\/\d+/);
  await expectCount(vendor.locator(tid('rectification-report')), 0, 'reported once');
  await screenshot(vendor, '12-rectification-reported');
});

test('SUP-2 the office verifies it: accepted, effective, closed', async () => {
  await openRow(page, 'menu-rectifications', 'rectification-table', RECTIFICATION);
  await page.locator(`${tid('rectification-detail-status')}[data-status="reported"]`).waitFor();
  await page.locator(tid('rectification-verify')).click();
  const dialog = page.locator(tid('verify-dialog'));
  await dialog.waitFor();
  await page.locator(tid('verify-result-accepted')).click();
  await page.locator(tid('verify-effect-effective')).click();
  await page.locator(tid('verify-comment')).fill('现场复查茶水间台面干净、地面干燥，巡查记录完整');
  await page.locator(tid('verify-confirm')).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.locator(`${tid('rectification-detail-status')}[data-status="closed"]`).waitFor();
  assert.equal((await page.locator(tid('rectification-detail-status')).innerText()).trim(), '已关闭');
  assert.equal(await page.locator(tid('rectification-detail-result')).getAttribute('data-result'), 'accepted');
  assert.equal(await page.locator(tid('rectification-detail-effect')).getAttribute('data-effect'), 'effective');
  assert.equal((await page.locator(tid('rectification-detail-effect')).innerText()).trim(), '有效');
  const history = page.locator(`${tid('rectification-history')} [data-action]`);
  assert.deepEqual(await history.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-action'))), ['create', 'report', 'accept']);
  assert.match(await page.locator(tid('rectification-evidence')).innerText(), /茶水间巡查记录\.png/);
  await screenshot(page, '12-rectification-closed');
});

test('SUP-2 the overdue demo rectification is shown overdue, in red', async () => {
  await page.locator(tid('rectification-back')).click();
  await page.locator(tid('rectification-table')).waitFor();
  const overdue = page.locator(`${tid('rectification-table')} tbody tr`, { hasText: DEMO_OVERDUE });
  await overdue.waitFor();
  const mark = overdue.locator('[data-test^="rectification-overdue-"]');
  // The days overdue count from its deadline to the fake clock's today.
  const api = await apiAs('office');
  const demo = (await api.get('/rectifications?overdue=true&page_size=100')).items.find((row) => row.title.includes(DEMO_OVERDUE));
  assert.ok(demo, `the demo has the overdue rectification ${DEMO_OVERDUE}`);
  const days = daysBetween(demo.deadline, TODAY);
  assert.ok(days >= 14, `due two weeks ago: ${demo.deadline}`);
  assert.equal(await mark.getAttribute('data-days'), String(days));
  assert.equal((await mark.innerText()).trim(), `逾期 ${days} 天`);
  // Red: the mark in the danger colour and the whole row tinted.
  assert.equal(await mark.evaluate((node) => getComputedStyle(node).color), 'rgb(245, 108, 108)');
  assert.match(await overdue.getAttribute('class'), /row-overdue/);
  assert.equal(await overdue.locator('[data-test^="rectification-status-"]').getAttribute('data-status'), 'open');
  // The closed one is on time and not marked.
  const closed = page.locator(`${tid('rectification-table')} tbody tr`, { hasText: RECTIFICATION });
  await closed.waitFor();
  await expectCount(closed.locator('[data-test^="rectification-overdue-"]'), 0);
  assert.doesNotMatch(await closed.getAttribute('class'), /row-overdue/);
  await screenshot(page, '12-rectifications-overdue');

  // 只看逾期 keeps the overdue ones only.
  const loaded = page.waitForResponse((response) => /\/api\/v1\/rectifications\?.*overdue=true/.test(response.url()));
  await page.locator(tid('rectification-filter-overdue')).click();
  await loaded;
  await page.locator(`${tid('rectification-table')} tbody tr`, { hasText: DEMO_OVERDUE }).waitFor();
  await expectCount(page.locator(`${tid('rectification-table')} tbody tr`, { hasText: RECTIFICATION }), 0);
  const overdueCount = (await api.get('/rectifications?overdue=true&page_size=100')).items.length;
  const rows = page.locator(`${tid('rectification-table')} tbody tr`);
  await expectCount(rows, overdueCount);
  for (let index = 0; index < overdueCount; index += 1) {
    assert.match(await rows.nth(index).getAttribute('class'), /row-overdue/);
  }
});

test("RP-5 the contract's 续签依据 tab shows the recommendation with its reasons", async () => {
  await go(page, `/contracts/${contractId}`);
  await page.locator(tid('contract-detail')).waitFor();
  await page.locator(tid('contract-tab-renewal')).click();
  const recommendation = page.locator(tid('renewal-recommendation'));
  await recommendation.waitFor();
  const value = await recommendation.getAttribute('data-recommendation');
  const names = { renew: '建议续签', renew_with_conditions: '有条件续签', do_not_renew: '不建议续签' };
  assert.ok(value in names, `a known recommendation: ${value}`);
  assert.match(await recommendation.innerText(), new RegExp(names[value]));
  // It agrees with the server's basis, and it is not a clean record: the demo alone has a failure and overdue work.
  const basis = await (await apiAs('office')).get(`/contracts/${contractId}/renewal-basis`);
  assert.equal(value, basis.recommendation);
  assert.notEqual(value, 'renew');
  await expectCount(page.locator('[data-test^="renewal-reason-"]'), basis.reasons.length);
  assert.match(await page.locator(tid('renewal-reasons')).innerText(), /逾期/);
  assert.ok(Number(await page.locator(tid('renewal-rectifications')).getAttribute('data-overdue')) >= 1);
  await page
    .locator(`${tid('renewal-chart')} canvas`)
    .first()
    .waitFor();
  assert.match(await page.locator(tid('renewal-pdf-link')).getAttribute('href'), new RegExp(`/contracts/${contractId}/renewal-basis\\.pdf`));
  await screenshot(page, '12-renewal-basis');
});

test("X-3 the office's dashboard shows the supervision charts and rectification counts", async () => {
  await go(page, '/dashboard');
  const supervision = page.locator(tid('dashboard-supervision'));
  await supervision.waitFor();
  for (const chart of ['dashboard-scores-chart', 'dashboard-satisfaction-chart', 'dashboard-proposals-chart', 'dashboard-deductions-chart']) {
    const canvas = page.locator(`${tid(chart)} canvas`).first();
    await canvas.waitFor();
    const box = await canvas.boundingBox();
    assert.ok(box && box.width > 200 && box.height > 100, `${chart} is drawn`);
  }
  const dashboard = await (await apiAs('office')).get('/dashboard');
  const value = async (card) => (await page.locator(`${tid(card)} ${tid('dashboard-card-value')}`).innerText()).trim();
  assert.equal(await value('dashboard-card-rect-overdue'), String(dashboard.supervision.rectifications.overdue));
  assert.ok(dashboard.supervision.rectifications.overdue >= 1, "the demo's overdue rectifications are counted");
  assert.equal(await value('dashboard-card-rect-open'), String(dashboard.supervision.rectifications.open));
  for (const [status, count] of Object.entries(dashboard.supervision.proposals)) {
    assert.equal(await page.locator(tid(`dashboard-proposals-${status}`)).getAttribute('data-count'), String(count), status);
  }
  await supervision.scrollIntoViewIfNeeded();
  await screenshot(page, '12-dashboard-supervision');
});
