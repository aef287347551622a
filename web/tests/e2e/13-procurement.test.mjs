// A project from the office's form to the contract draft, in the browser. The office creates a meeting-services project
// for next year (PRJ-1) below the threshold, so the route card foresees internal procurement and says why (PRJ-3);
// leadership approves it (PRJ-2) and sets the ceiling (PRJ-6); the office opens a sealed bidding witnessed by
// discipline inspection, three vendor users register and each seal one quote, one above the ceiling, and after the
// opening time the office opens the bids with the witness (PRJ-7), awards the lowest valid quote and lands on the
// contract draft (PRJ-8); discipline inspection reads the whole trail (ROLE-4). The witness is a second browser context
// of its own (jiwei's session on the witness's own device): it consents there before each witnessed step, and nobody
// types a log-in password on the office's screen (PRJ-7, issue 11 item 7). The scenario needs the clock in its
// hands: the server of this file is restarted later on the same database, its clock past the opening time, and the
// browsers opened then follow it.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { TEST_NOW, codePattern, dateOfYear, shift, year } from '../../../server/tests/clock.mjs';
import {
  BASE_URL,
  apiAs,
  closeAll,
  confirmMessageBox,
  expectCount,
  go,
  openBrowserAs,
  pickOption,
  screenshot,
  startServer,
  tid,
  uniqueSuffix,
} from './helpers.mjs';

/** 'YYYY-MM-DD HH:MM' of an instant, as the date-time pickers show it (Asia/Shanghai). */
const pickerTime = (instant) => instant.slice(0, 16).replace('T', ' ');
// The bidding closes six days after the test's now (the shortest window, procurement.min_bidding_days, is 5 days) and
// opens half an hour later; the server comes back an hour after the deadline for the opening.
const BID_DEADLINE = pickerTime(shift(TEST_NOW, { days: 6 }));
const OPENING_AT = pickerTime(shift(TEST_NOW, { days: 6, minutes: 30 }));
const AFTER_OPENING = shift(TEST_NOW, { days: 6, hours: 1 });
/** A four-minute window, which the form refuses before sending. */
const TOO_SOON = pickerTime(shift(TEST_NOW, { minutes: 4 }));
const OFFICER_SECRET = 'Kaibiao#2026-e2e';
const WITNESS_SECRET = 'Jianzheng@2026-e2e';

const suffix = uniqueSuffix();
// The project is for next year, whose procurement rules the demo has written.
const PROJECT_YEAR = year(1);
const PROJECT = `${PROJECT_YEAR}年度机关会议服务外包（${suffix}）`;
// The demo rules put the threshold at 1,000,000.00 a year; 360,000.00 stays below it.
const BUDGET = '360000.00';
const CEILING = '330000.00';
// vendor2 is the lowest valid quote; vendor3 is above the ceiling, so invalid.
const QUOTES = { vendor1: '318000.00', vendor2: '296500.00', vendor3: '345000.00' };
const money = (amount) => Number(amount).toLocaleString('en-US', { minimumFractionDigits: 2 });

let server;
let scratch;
let projectId;
const browsers = [];
/** Per vendor user: {receipt, vendorId, vendorName}. */
const bids = {};

async function browserAs(username) {
  const browser = await openBrowserAs(username);
  browsers.push(browser);
  return browser.page;
}

async function closeBrowsers() {
  await closeAll(browsers.splice(0));
}

async function openProject(page) {
  await go(page, `/projects/${projectId}`);
  await page.locator(`${tid('project-name')}:text-is("${PROJECT}")`).waitFor();
}

const statusOf = (page) => page.locator(tid('project-status')).getAttribute('data-status');

before(async () => {
  server = await startServer({ name: '13-procurement', fakeNow: TEST_NOW });
  scratch = mkdtempSync(join(tmpdir(), 'houqin-e2e-procurement-'));
});

after(async () => {
  try {
    await closeBrowsers();
  } finally {
    await server?.stop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
});

let officePage;
/** The office's page after the clock moved past the opening time (the witness has a browser of their own). */
let officeAfterOpening;

test('PRJ-1 the office creates a project with its category, scope, budget, service period, department and plan', async () => {
  const page = await browserAs('office');
  officePage = page;
  await page.locator(tid('menu-projects')).click();
  await page.locator(tid('project-table')).waitFor();
  await page.locator(tid('project-create')).click();
  await page.locator(tid('project-editor')).waitFor();

  await page.locator(tid('project-field-name')).fill(PROJECT);
  const yearInput = page.locator(`${tid('project-field-year')} input`);
  await yearInput.fill(String(PROJECT_YEAR));
  await yearInput.press('Tab');
  await pickOption(page, 'project-field-category', '会议服务');
  await page.locator(tid('project-field-scope')).fill('镇机关各会议室的会场布置、茶水、音响设备保障及会务接待');
  await page.locator(tid('project-field-annual-budget')).fill('360000');
  await page.locator(tid('project-field-total-budget')).fill('360000');
  for (const [field, date] of [
    ['project-field-service-start', dateOfYear(1, '01-01')],
    ['project-field-service-end', dateOfYear(1, '12-31')],
  ]) {
    const input = page.locator(`${tid(field)} input`);
    await input.fill(date);
    await input.press('Enter');
  }
  await pickOption(page, 'project-field-department', /^\s*机关事务办\s*$/);
  await page.locator(tid('project-field-responsible-person')).fill('王主任');
  await page.locator(tid('project-field-responsible-phone')).fill('0757-86500001');
  const plan = join(scratch, '会议服务采购实施方案.pdf');
  writeFileSync(plan, '%PDF-1.4\n% 会议服务采购实施方案（测试）\n%%EOF\n');
  await page.locator(tid('project-field-plans')).setInputFiles(plan);
  await page.locator(tid('project-field-plans-done'), { hasText: '会议服务采购实施方案.pdf' }).waitFor();
  assert.equal(await page.locator(`${tid('project-field-year')} input`).inputValue(), String(PROJECT_YEAR));
  assert.equal(await page.locator(tid('project-field-annual-budget')).inputValue(), '360000.00');
  await screenshot(page, '13-project-form');
  await page.locator(tid('project-save')).click();

  await page.locator(tid('project-detail')).waitFor();
  await page.locator(`${tid('project-name')}:text-is("${PROJECT}")`).waitFor();
  projectId = Number(page.url().match(/#\/projects\/(\d+)/)?.[1]);
  assert.ok(projectId > 0, `the project page opened: ${page.url()}`);
  assert.equal(await statusOf(page), 'draft');
  // The code carries the project's year.
  assert.match(await page.locator(tid('project-code')).innerText(), codePattern('XM', PROJECT_YEAR));
  assert.equal((await page.locator(tid('project-category')).innerText()).trim(), '会议服务');
  assert.equal((await page.locator(tid('project-annual-budget')).innerText()).trim(), money(BUDGET));
  assert.match(await page.locator(tid('project-plans')).innerText(), /会议服务采购实施方案\.pdf/);
});

test('PRJ-3 before approval the route card foresees internal procurement below the threshold, and says why', async () => {
  const page = officePage;
  // Before approval the card is a preview of what next year's rules would decide, with the reason.
  const card = page.locator(tid('project-route-card'));
  assert.equal(await card.getAttribute('data-kind'), 'preview');
  assert.equal((await page.locator(tid('project-route-preview-label')).innerText()).trim(), '预判');
  assert.equal(await page.locator(tid('project-route-card-tag')).getAttribute('data-route'), 'internal');
  assert.equal((await page.locator(tid('project-route-name')).innerText()).trim(), '机关事务办自行组织采购');
  const reason = page.locator('[data-test^="project-route-reason-"][data-code="below_threshold"]');
  await expectCount(reason, 1);
  assert.match(await reason.innerText(), new RegExp(`不在 ${PROJECT_YEAR} 年政府采购目录内.*360000\\.00 元低于采购限额标准 1000000\\.00 元`));
  assert.equal((await page.locator(tid('project-route-value-threshold')).innerText()).trim(), '1,000,000.00');
});

test("PRJ-2 the office submits the project for leadership's approval", async () => {
  const page = officePage;
  const card = page.locator(tid('project-route-card'));
  await page.locator(tid('project-submit')).click();
  await confirmMessageBox(page);
  await page.locator(`${tid('project-status')}[data-status="pending_leadership"]`).waitFor();
  assert.equal((await page.locator(tid('project-status')).innerText()).trim(), '待领导审批');
  await expectCount(page.locator(tid('project-submit')), 0);
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, '13-project-submitted');
});

let leaderPage;

test('PRJ-2 leadership approves the project: no procurement step before, the route decided after', async () => {
  const page = await browserAs('leader');
  leaderPage = page;
  await openProject(page);
  assert.equal(await statusOf(page), 'pending_leadership');
  // Before approval no procurement step is offered (PRJ-2).
  for (const button of ['project-set-ceiling', 'project-open-bidding', 'project-register', 'project-bid']) {
    await expectCount(page.locator(tid(button)), 0, `${button} before approval`);
  }
  await page.locator(tid('project-approve')).click();
  const dialog = page.locator(tid('project-decision-dialog'));
  await dialog.waitFor();
  await page.locator(tid('project-decision-comment')).fill('同意按内部程序组织投标。');
  await page.locator(tid('project-decision-confirm')).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.locator(`${tid('project-status')}[data-status="approved"]`).waitFor();
  assert.equal(await page.locator(tid('project-route')).getAttribute('data-route'), 'internal');
  const card = page.locator(tid('project-route-card'));
  assert.equal(await card.getAttribute('data-kind'), 'decision');
  await expectCount(page.locator(tid('project-route-preview-label')), 0, 'decided, no longer a preview');
  assert.equal((await page.locator(tid('project-route-name')).innerText()).trim(), '机关事务办自行组织采购');
  await expectCount(page.locator('[data-test^="project-route-reason-"][data-code="below_threshold"]'), 1);
});

test('PRJ-6 leadership sets the ceiling price of the project', async () => {
  const page = leaderPage;
  const card = page.locator(tid('project-route-card'));
  await page.locator(tid('project-set-ceiling')).click();
  const ceiling = page.locator(tid('ceiling-dialog'));
  await ceiling.waitFor();
  await page.locator(tid('ceiling-amount')).fill('330000');
  await page.locator(tid('ceiling-reason')).fill(`党委会议确定 ${PROJECT_YEAR} 年度会议服务最高限价`);
  await page.locator(tid('ceiling-save')).click();
  await ceiling.waitFor({ state: 'hidden' });
  await page.locator(tid('project-ceiling')).waitFor();
  assert.equal((await page.locator(tid('project-ceiling')).innerText()).trim(), money(CEILING));
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, '13-project-approved');
});

/** PRJ-7: the witness, in their own browser context, opens the project and consents to the office's next step. */
async function witnessConsents(witness, purposeText) {
  // The witness finds the project awaiting them in the procurement list.
  await witness.locator(tid('menu-projects')).click();
  await witness.locator(tid('project-table')).waitFor();
  await witness.locator(tid('project-search')).fill(suffix);
  await witness.locator(tid('project-search')).press('Enter');
  await witness.locator(tid(`project-awaiting-witness-${projectId}`)).waitFor();
  await witness.locator(tid(`project-name-${projectId}`)).click();
  await witness.locator(`${tid('project-name')}:text-is("${PROJECT}")`).waitFor();
  const button = witness.locator(tid('project-witness-consent'));
  await button.waitFor();
  assert.match(await button.innerText(), purposeText);
  await button.click();
  assert.match(await witness.locator('.el-message-box').innerText(), new RegExp(suffix));
  await confirmMessageBox(witness);
  const status = witness.locator(tid('project-witness-consent-status'));
  await status.waitFor();
  assert.match(await status.innerText(), /赵书记/);
  // The alert fades in; let it finish before the screenshot.
  await witness.waitForTimeout(500);
  return status.getAttribute('data-consent-id');
}

test('PRJ-7 the office opens the sealed bidding once the witness has consented from their own session; no log-in password on the office screen', async () => {
  const page = await browserAs('office');
  await openProject(page);
  assert.equal(await statusOf(page), 'approved');
  await page.locator(tid('project-open-bidding')).click();
  const dialog = page.locator(tid('bidding-dialog'));
  await dialog.waitFor();
  // The form states the shortest window in force and refuses a shorter one in words, naming the field.
  assert.equal(await page.locator(tid('bidding-min-days')).getAttribute('data-days'), '5');
  assert.match(await page.locator(tid('bidding-min-days')).innerText(), /不得少于 5 天/);
  {
    const input = page.locator(`${tid('bidding-deadline')} input`);
    await input.fill(TOO_SOON);
    await input.press('Enter');
    await page.locator(tid('bidding-confirm')).click();
    await dialog.locator('.el-form-item__error', { hasText: '投标截止时间距发布不得少于 5 天' }).waitFor();
  }
  for (const [field, value] of [
    ['bidding-deadline', BID_DEADLINE],
    ['bidding-opening-at', OPENING_AT],
  ]) {
    const input = page.locator(`${tid(field)} input`);
    await input.fill(value);
    await input.press('Enter');
  }
  // No field asks for anyone's username or log-in password: only the two opening secrets.
  await expectCount(dialog.locator('input[type="password"]'), 2, "the officer's and the witness's secrets only");
  await expectCount(page.locator('[data-test$="witness-username"], [data-test$="witness-password"]'), 0);
  assert.equal(await page.locator(tid('bidding-witness-consent')).getAttribute('data-ok'), 'false');
  await page.locator(tid('bidding-officer-secret')).fill(OFFICER_SECRET);
  await page.locator(tid('bidding-witness-secret')).fill(WITNESS_SECRET);
  assert.equal(await page.locator(tid('bidding-officer-secret-hint')).getAttribute('data-ok'), 'true');
  assert.equal(await page.locator(tid('bidding-witness-secret-hint')).getAttribute('data-ok'), 'true');
  // Without the witness's consent the server refuses, naming what is missing.
  await page.locator(tid('bidding-confirm')).click();
  const refusal = page.locator(tid('bidding-witness-consent-error'));
  await refusal.waitFor();
  assert.match(await refusal.innerText(), /缺少纪检监察见证人的确认/);
  await screenshot(page, '13-bidding-no-consent');

  // The witness, on their own device (a browser context of their own), consents to the seal's creation.
  const witness = await browserAs('jiwei');
  const consentId = await witnessConsents(witness, /确认见证发起投标/);
  await screenshot(witness, '13-witness-consent-bidding');

  await page.locator(tid('bidding-witness-consent-refresh')).click();
  await page.locator(`${tid('bidding-witness-consent')}[data-ok="true"]`).waitFor();
  assert.equal(await page.locator(tid('bidding-witness-consent')).getAttribute('data-consent-id'), consentId);
  assert.equal(await page.locator(`${tid('bidding-deadline')} input`).inputValue(), BID_DEADLINE);
  assert.equal(await page.locator(`${tid('bidding-opening-at')} input`).inputValue(), OPENING_AT);
  await screenshot(page, '13-bidding-dialog');
  await page.locator(tid('bidding-confirm')).click();
  await dialog.waitFor({ state: 'hidden' });

  await page.locator(`${tid('project-status')}[data-status="bidding"]`).waitFor();
  // the fingerprint is kept for verification, folded under 校验信息 with what it proves, not on the page itself.
  const verification = page.locator(tid('project-verification'));
  assert.equal(await page.locator(tid('project-fingerprint')).isVisible(), false, 'the fingerprint is folded away');
  assert.match(await verification.innerText(), /校验信息/);
  await page.locator(tid('project-verification-toggle')).click();
  await page.locator(tid('project-fingerprint')).waitFor();
  assert.match(await verification.innerText(), /密封公钥指纹[\s\S]*证明密封后没有换钥匙/);
  const fingerprint = (await page.locator(tid('project-fingerprint')).innerText()).trim();
  assert.match(fingerprint, /^[0-9a-f]{4}( [0-9a-f]{4}){3,}$/, `a fingerprint of the seal, in groups of four: ${fingerprint}`);
  assert.match(await page.locator(tid('project-bid-deadline')).innerText(), new RegExp(BID_DEADLINE));
  assert.match(await page.locator(tid('project-opening-at')).innerText(), new RegExp(OPENING_AT));
  // The consent was used: it no longer waits on the project.
  await expectCount(page.locator(tid('project-witness-consent-status')), 0, 'the consent is spent');
  await page.locator(tid('project-fingerprint')).scrollIntoViewIfNeeded();
  await screenshot(page, '13-bidding-open');
});

for (const vendor of ['vendor1', 'vendor2', 'vendor3']) {
  test(`PRJ-7 ${vendor} registers and seals one quote; it gets a receipt, never sees the ceiling, and cannot bid twice`, async () => {
    const page = await browserAs(vendor);
    await page.locator(tid('menu-projects')).click();
    await page.locator(tid('project-table')).waitFor();
    await page.locator(tid('project-search')).fill(suffix);
    await page.locator(tid('project-search')).press('Enter');
    await page.locator(tid(`project-name-${projectId}`)).click();
    await page.locator(tid('vendor-bidding')).waitFor();
    await page.locator(`${tid('project-name')}:text-is("${PROJECT}")`).waitFor();
    assert.equal(await page.locator(tid('vendor-accepting')).getAttribute('data-accepting'), 'true');
    await expectCount(page.locator(tid('my-registration-none')), 1);
    // The ceiling stays hidden from vendors until the opening (procurement.publish_ceiling is 0).
    await expectCount(page.locator(tid('vendor-ceiling')), 0);
    await expectCount(page.locator(tid('project-ceiling')), 0);
    assert.doesNotMatch(await page.locator(tid('project-detail')).innerText(), /330,000\.00|最高限价（元\/年）/);

    await page.locator(tid('project-register')).click();
    await confirmMessageBox(page);
    await page.locator(`${tid('my-registration')}[data-qualified="true"]`).waitFor();

    await page.locator(tid('project-bid')).click();
    const dialog = page.locator(tid('bid-dialog'));
    await dialog.waitFor();
    assert.match(await page.locator(tid('bid-warning')).innerText(), /./);
    assert.doesNotMatch(await dialog.innerText(), /330,000\.00|最高限价（元\/年）/, 'the bid dialog does not show the ceiling');
    await page.locator(tid('bid-quote')).fill(QUOTES[vendor]);
    await page.locator(tid('bid-quote-echo')).waitFor();
    assert.match(await page.locator(tid('bid-quote-echo')).innerText(), new RegExp(money(QUOTES[vendor])));
    await page.locator(`${tid('bid-confirm-check')}`).click();
    await page.locator(tid('bid-submit')).click();

    const receiptDialog = page.locator(tid('receipt-dialog'));
    await receiptDialog.waitFor();
    const receipt = (await page.locator(tid('receipt-text')).innerText()).trim();
    assert.match(receipt, /^[0-9a-f]{64}$/, `the receipt is 64 hex characters: ${receipt}`);
    await screenshot(page, `13-bid-receipt-${vendor}`);
    await page.locator(tid('receipt-close')).click();
    await receiptDialog.waitFor({ state: 'hidden' });

    // Once sealed the quote is final: the page keeps the receipt and offers no second bid.
    await page.locator(tid('my-bid')).waitFor();
    assert.equal((await page.locator(tid('my-bid-receipt-text')).innerText()).trim(), receipt);
    await expectCount(page.locator(tid('project-bid')), 0, 'no second bid offered');
    await page.reload();
    await page.locator(tid('my-bid')).waitFor();
    await expectCount(page.locator(tid('project-bid')), 0, 'no second bid offered after reloading');

    // Asked directly, the server refuses a second quote too (409, field quote), and its answer keeps the first.
    const api = await apiAs(vendor);
    await assert.rejects(api.post(`/projects/${projectId}/bids`, { quote: '100000.00' }), /HTTP 409[\s\S]*quote/);
    const seen = await api.get(`/projects/${projectId}`);
    assert.equal(seen.my_bid.receipt, receipt);
    assert.equal(seen.ceiling, null, 'the API hides the ceiling from the vendor as well');
    bids[vendor] = { receipt, vendorId: seen.my_bid.vendor_id, vendorName: seen.my_bid.vendor_name };
  });
}

test('PRJ-7 after the opening time the office opens the bids with the witness; the record ranks the valid quotes', async () => {
  await closeBrowsers();
  // Time passes: the same database, the clock an hour after the deadline, after the opening time.
  await server.restart({ fakeNow: AFTER_OPENING });
  const page = await browserAs('office');
  officeAfterOpening = page;
  await openProject(page);
  assert.equal(await statusOf(page), 'bidding');
  await page.locator(tid('project-tab-bids')).click();
  await page.locator(tid('bids-sealed-note')).waitFor();
  await expectCount(page.locator('[data-test^="bid-row-"]'), 3);

  // The witness, in their own session at the new clock, consents to the opening.
  const witness = await browserAs('jiwei');
  const consentId = await witnessConsents(witness, /确认见证开标/);
  await screenshot(witness, '13-witness-consent-opening');

  await page.reload();
  await page.locator(`${tid('project-witness-consent-status')}[data-purpose="opening"]`).waitFor();
  await page.locator(tid('project-open')).click();
  const dialog = page.locator(tid('opening-dialog'));
  await dialog.waitFor();
  await page.locator(`${tid('opening-witness-consent')}[data-ok="true"]`).waitFor();
  await expectCount(dialog.locator('input[type="password"]'), 2, 'the two opening secrets, no log-in password');
  await page.locator(tid('opening-officer-secret')).fill(OFFICER_SECRET);
  await page.locator(tid('opening-witness-secret')).fill(WITNESS_SECRET);
  await screenshot(page, '13-opening-dialog');
  await page.locator(tid('opening-confirm')).click();
  await dialog.waitFor({ state: 'hidden' });

  const record = page.locator(tid('opening-record'));
  await record.waitFor();
  await page.locator(`${tid('project-status')}[data-status="opened"]`).waitFor();
  assert.equal(await page.locator(tid('opening-outcome')).getAttribute('data-outcome'), 'awarded');
  assert.equal((await page.locator(tid('opening-ceiling')).innerText()).trim(), money(CEILING));
  assert.equal((await page.locator(tid('opening-witness-name')).innerText()).trim(), '赵书记(纪委)');
  // The record names the consent the opening used (who, when).
  assert.equal(await page.locator(tid('opening-record-witness-consent')).getAttribute('data-consent-id'), consentId);
  assert.match(await page.locator(tid('opening-record-witness-consent')).innerText(), /本人账号确认于/);
  const rows = page.locator(`${tid('opening-bids')} tbody tr`);
  await expectCount(rows, 3, 'all three bids are in the record');

  // the receipts, commitments, seed and fingerprint are not in the table but folded under 校验信息, each with what
  // it proves.
  assert.equal(await rows.filter({ hasText: Object.values(bids)[0].receipt }).count(), 0, 'no hex receipt in the table');
  assert.equal(await page.locator(tid('opening-seed')).isVisible(), false, 'the draw seed is folded away');
  await page.locator(tid('opening-verification-toggle')).click();
  await page.locator(tid('opening-seed')).waitFor();
  const verification = await page.locator(tid('opening-verification')).innerText();
  for (const words of [/抽签种子[\s\S]*证明抽签结果未被操纵/, /承诺值[\s\S]*证明报价提交后未被替换/, /回执[\s\S]*证明打开的正是其提交的报价/]) {
    assert.match(verification, words);
  }
  // Each bid: found by its receipt, opened to the quote sealed, the receipt matching the commitment.
  const opened = {};
  for (const [vendor, bid] of Object.entries(bids)) {
    const receiptCell = page.locator('[data-test^="opening-receipt-"]').filter({ hasText: bid.receipt });
    await expectCount(receiptCell, 1, `${vendor}'s bid is listed with its receipt`);
    const bidId = (await receiptCell.getAttribute('data-test')).replace('opening-receipt-', '');
    assert.match((await page.locator(tid(`opening-commitment-${bidId}`)).innerText()).trim(), /^[0-9a-f]{64}$/);
    const cell = page.locator(tid(`opening-row-${bidId}`));
    assert.equal(await cell.getAttribute('data-vendor-id'), String(bid.vendorId));
    assert.equal((await cell.innerText()).trim(), bid.vendorName);
    assert.equal((await page.locator(tid(`opening-quote-${bidId}`)).innerText()).trim(), money(QUOTES[vendor]));
    assert.equal(await page.locator(tid(`opening-match-${bidId}`)).getAttribute('data-matches'), 'true');
    opened[vendor] = { bidId, valid: await cell.getAttribute('data-valid'), rank: (await page.locator(tid(`opening-rank-${bidId}`)).innerText()).trim() };
  }
  // Above the ceiling: invalid, with the reason; the lowest valid quote first.
  assert.equal(opened.vendor3.valid, 'false');
  assert.equal(opened.vendor3.rank, '-');
  assert.equal((await page.locator(tid(`opening-valid-${opened.vendor3.bidId}`)).innerText()).trim(), '无效');
  assert.match(await page.locator(tid(`opening-reasons-${opened.vendor3.bidId}`)).innerText(), /最高限价/);
  assert.deepEqual([opened.vendor2.valid, opened.vendor2.rank], ['true', '1']);
  assert.deepEqual([opened.vendor1.valid, opened.vendor1.rank], ['true', '2']);
  const summary = await page.locator(tid('opening-summary')).innerText();
  assert.ok(summary.includes(bids.vendor2.vendorName), `the summary names the winner: ${summary}`);
  assert.match(summary, /296500\.00 元中标/);
  assert.equal(await page.locator(tid('project-winner')).innerText(), `${bids.vendor2.vendorName} · ${money(QUOTES.vendor2)}`);
  await record.scrollIntoViewIfNeeded();
  await screenshot(page, '13-opening-record');

  // 打印开标记录: the link gives the opening record as a PDF, fetched with the page's session.
  const href = await page.locator(tid('opening-pdf')).getAttribute('href');
  assert.match(href, new RegExp(`/projects/${projectId}/opening\\.pdf$`));
  const pdf = await page.request.get(new URL(href, BASE_URL).href);
  assert.equal(pdf.status(), 200);
  assert.match(pdf.headers()['content-type'], /application\/pdf/);
  assert.equal((await pdf.body()).subarray(0, 5).toString('latin1'), '%PDF-');
});

test('PRJ-8 the office awards the bidding and lands on the contract draft with the winning quote', async () => {
  const page = officeAfterOpening;
  await page.locator(tid('project-award')).click();
  assert.match(await page.locator('.el-message-box').innerText(), new RegExp(bids.vendor2.vendorName));
  await confirmMessageBox(page);
  await page.waitForURL(/#\/contracts\/\d+/);
  await page.locator(tid('contract-detail')).waitFor();
  await page.locator(`${tid('contract-vendor')}:text-is("${bids.vendor2.vendorName}")`).waitFor();
  assert.equal(await page.locator(tid('contract-status')).getAttribute('data-status'), 'draft');
  assert.equal((await page.locator(tid('contract-status')).innerText()).trim(), '草稿');
  // The annual amount is the winning annual quote (its header cell carries no id: found by its label).
  const annual = page.locator(`${tid('contract-header')} td.el-descriptions__label:has-text("年度金额") + td`);
  assert.equal((await annual.innerText()).trim(), money(QUOTES.vendor2));
  assert.match(await page.locator(tid('content-title')).innerText(), new RegExp(suffix));
  await screenshot(page, '13-contract-draft');

  // Back on the project: awarded, with the link to its contract.
  const contractId = Number(page.url().match(/#\/contracts\/(\d+)/)?.[1]);
  await openProject(page);
  assert.equal(await statusOf(page), 'awarded');
  assert.match(await page.locator(tid('project-contract')).getAttribute('href'), new RegExp(`#/contracts/${contractId}$`));
});

test("ROLE-4 discipline inspection reads the full trail, from the project's creation to the contract draft", async () => {
  const page = await browserAs('jiwei');
  await openProject(page);
  await page.locator(tid('project-tab-trail')).click();
  const trail = page.locator(tid('project-trail'));
  await trail.waitFor();
  const steps = await page
    .locator('[data-test^="trail-"][data-action]')
    .evaluateAll((nodes) => nodes.map((node) => `${node.getAttribute('data-subject')}:${node.getAttribute('data-action')}`));
  assert.equal(steps[0], 'project:create', `the trail starts at the creation: ${steps}`);
  // It ends with the award and the contract draft it created (one transaction, one instant: either may come first).
  assert.deepEqual(steps.slice(-2).sort(), ['contract:create', 'project:award'], `the trail ends at the contract draft: ${steps}`);
  for (const step of ['project:submit', 'project:approve', 'project:set_ceiling', 'project:open_bidding', 'project:open', 'project:award']) {
    assert.ok(steps.includes(step), `${step} is in the trail: ${steps}`);
  }
  assert.equal(steps.filter((step) => step === 'project:register').length, 3);
  assert.equal(steps.filter((step) => step === 'project:bid').length, 3);
  const text = await trail.innerText();
  assert.match(text, /创建项目[\s\S]*领导批准，确定采购方式|创建项目[\s\S]*领导批准,确定采购方式/);
  assert.match(text, /开标（纪检见证）|开标\(纪检见证\)/);
  assert.match(text, /由授标生成合同草稿/);
  await trail.scrollIntoViewIfNeeded();
  await screenshot(page, '13-project-trail');
  // The approval tab names the same steps with the same words: one name for one step on the page's two tabs.
  await page.locator(tid('project-tab-history')).click();
  const approval = page.locator(`${tid('project-history')} [data-action="approve"] strong`);
  await approval.waitFor();
  assert.match(await approval.innerText(), /领导批准[，,]确定采购方式/);
  assert.match(await page.locator(`${tid('project-history')} [data-action="open"] strong`).innerText(), /开标[（(]纪检见证[）)]/);
});
