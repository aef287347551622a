// A service contract from the first draft to the payment ledger, through the UI, for this calendar year's term (so it
// is in force once signed; one signed before its term begins is 已签订/待履行, server/tests/api/contracts-start). The
// office drafts it (CON-1), the judicial office (法律审查) and the party-government office (文字把关) each approve it
// in their own browser (CON-2), the office signs it with a scan (CON-3, X-5), downloads the PDF (CON-5) and records a
// payment (CON-8); the vendor sees it read-only, another vendor not at all (ROLE-8).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { TODAY, dateOfYear, year } from '../../../server/tests/clock.mjs';
import {
  ARTIFACTS,
  apiAs,
  closeAll,
  confirmMessageBox,
  expectCount,
  fillDate,
  go,
  login,
  openBrowser,
  openBrowserAs,
  pickOption,
  pickRemote,
  requireTools,
  screenshot,
  startServer,
  tid,
  tinyPng,
  uniqueSuffix,
} from './helpers.mjs';

const VENDOR = '九江长安物业服务有限公司';
const suffix = uniqueSuffix();
const TITLE = `九江镇机关保洁绿化服务外包合同${suffix}`;
// The term is this calendar year (today is inside it); the quarterly installments are its four quarters.
const TERM_START = dateOfYear(0, '01-01');
const TERM_END = dateOfYear(0, '12-31');
const Q = [1, 2, 3, 4].map((n) => `${year(0)}-Q${n}`);

let server;
let office;
let page;
let scratch;
let scanPath;
let scanBytes;
const others = [];
let contractId;
let sifa;

/** Another user's own browser, closed at the end. */
async function browserAs(username) {
  const browser = await openBrowserAs(username);
  others.push(browser);
  return browser;
}

const status = (where = page) => where.locator(`.el-card__header ${tid('contract-status')}`);

/** Opens the contract's detail page and waits for its header. */
async function openContract(where) {
  await go(where, `/contracts/${contractId}`);
  await where.locator(tid('contract-title')).getByText(TITLE).waitFor();
}

async function waitForStatus(value, where = page) {
  await where.locator(`.el-card__header ${tid('contract-status')}[data-status="${value}"]`).waitFor();
}

before(async () => {
  // The PDF checks read the document with poppler's tools: their absence fails the file, naming them.
  requireTools(['pdftotext', 'pdftoppm'], 'poppler-utils');
  server = await startServer({ name: '07-contracts' });
  scratch = mkdtempSync(join(tmpdir(), 'houqin-e2e-contract-'));
  scanBytes = tinyPng(32, 0x80);
  scanPath = join(scratch, '合同签署扫描件.png');
  writeFileSync(scanPath, scanBytes);
  office = await openBrowser();
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

test('CON-1 office fills a new contract: party B from the registry, checklist from the category, quarterly installments', async () => {
  await login(page, 'office');
  await page.locator(tid('menu-contracts')).click();
  await page.locator(tid('contract-table')).waitFor();
  await page.locator(tid('contract-create')).click();
  await page.locator(tid('contract-editor')).waitFor();
  assert.equal((await page.locator(tid('contract-editor-title')).innerText()).trim(), '新建合同');

  await page.locator(tid('contract-field-title')).fill(TITLE);
  // The vendor select searches the registry as one types; party B is then filled from the vendor record.
  await pickRemote(page, 'contract-field-vendor-id', '长安', VENDOR);
  await page.waitForFunction(([selector, name]) => document.querySelector(selector)?.value === name, [tid('contract-field-party-b-name'), VENDOR]);
  assert.equal(await page.locator(tid('contract-field-party-b-name')).inputValue(), VENDOR);
  assert.notEqual(await page.locator(tid('contract-field-party-b-bank-account-no')).inputValue(), '', 'bank account copied too');

  // The category's 100-point checklist is copied into the empty contract checklist.
  await pickOption(page, 'contract-field-category-id', '保洁绿化');
  await page.locator(tid('checklist-item-0')).waitFor();
  assert.ok((await page.locator('[data-test^="checklist-item-"]').count()) > 1);
  assert.match(await page.locator(tid('checklist-total')).innerText(), /100/);

  await page.locator(tid('contract-field-party-a-name')).fill('九江镇人民政府');
  await page.locator(tid('contract-field-party-a-representative')).fill('李镇长');
  await page.locator(tid('contract-field-party-a-phone')).fill('0757-86501234');
  await page.locator(tid('contract-field-party-a-address')).fill('广东省佛山市南海区九江镇政府大院');
  // What a signed contract must carry for both parties (CON-1): the town's account as well.
  await page.locator(tid('contract-field-party-a-bank-account-name')).fill('九江镇人民政府');
  await page.locator(tid('contract-field-party-a-bank-name')).fill('中国工商银行九江支行');
  await page.locator(tid('contract-field-party-a-bank-account-no')).fill('2013020019000012345');
  await fillDate(page, 'contract-field-term-start', TERM_START);
  await fillDate(page, 'contract-field-term-end', TERM_END);
  await page.locator(tid('contract-field-annual-amount')).fill('360000');
  await page.locator(tid('contract-field-total-amount')).fill('360000.00');

  // Two service items summing to the total; the running total says so.
  await page.locator(tid('service-item-add')).click();
  await page.locator(tid('service-item-name-0')).fill('办公区保洁');
  await page.locator(tid('service-item-scope-0')).fill('办公楼1-5层');
  await page.locator(tid('service-item-fee-standard-0')).fill('每月 20000 元');
  await page.locator(tid('service-item-amount-0')).fill('240000');
  await page.locator(tid('service-item-add')).click();
  await page.locator(tid('service-item-name-1')).fill('庭院绿化养护');
  await page.locator(tid('service-item-scope-1')).fill('镇政府大院绿地');
  await page.locator(tid('service-item-fee-standard-1')).fill('每月 10000 元');
  await page.locator(tid('service-item-amount-1')).fill('120000.00');
  assert.match(await page.locator(tid('service-items-total')).innerText(), /360,000\.00.*360,000\.00/);
  await expectCount(page.locator(tid('service-items-error')), 0);

  // Quarterly payment: 按频率生成 asks the server for the schedule and fills four rows.
  await pickOption(page, 'contract-field-payment-frequency', '按季度');
  await page.locator(tid('installments-generate')).click();
  await page.locator(tid('installment-period-3')).waitFor();
  await expectCount(page.locator('[data-test^="installment-period-"]'), 4);
  assert.equal(await page.locator(tid('installment-period-0')).inputValue(), Q[0]);
  assert.equal(await page.locator(tid('installment-amount-0')).inputValue(), '90000.00');
  await expectCount(page.locator(tid('installments-error')), 0);

  // Staffing: the three default rows (workday, weekend, holiday) plus a supervisor.
  await page.locator(tid('staffing-role-0')).fill('保洁员');
  await page.locator(tid('staffing-add')).click();
  await page.locator(tid('staffing-role-3')).fill('绿化养护工');
  await page.locator(`${tid('staffing-people-3')} input`).fill('2');
  await page.locator(`${tid('staffing-people-3')} input`).press('Tab');
  // Hours beyond 24 cannot even be typed in: the field keeps the day's limit.
  const hours = page.locator(`${tid('staffing-hours-3')} input`);
  await hours.fill('25');
  await hours.press('Tab');
  assert.equal(await hours.inputValue(), '24');
  await hours.fill('6');
  await hours.press('Tab');
  assert.equal(await hours.inputValue(), '6');

  // Deductions: the three default clauses; the first one's description is reworded.
  await expectCount(page.locator(`${tid('deductions-table')} tbody [data-test^="deduction-amount-"]`), 3);
  await page.locator(tid('deduction-description-0')).fill('考核得分低于合格分的，每低1分扣减服务费100元，每期最多扣减3000元');

  await pickOption(page, 'contract-field-responsible-department-id', '机关事务办');
  await page.locator(tid('contract-field-responsible-person')).fill('王主任');
  await page.locator(tid('contract-field-responsible-phone')).fill('0757-86500001');
  await page.locator(tid('contract-section-basic')).scrollIntoViewIfNeeded();
  await screenshot(page, '07-contract-editor');
  await page.locator(tid('contract-section-payment')).scrollIntoViewIfNeeded();
  await screenshot(page, '07-contract-editor-payment');
});

test('CON-1 a deduction cap below its amount is refused next to that row, and nothing is stored', async () => {
  const cap = page.locator(tid('deduction-cap-1'));
  await cap.fill('50.00');
  await page.locator(tid('contract-save')).click();

  const errorList = page.locator(tid('contract-errors'));
  await errorList.locator(tid('contract-error-deductions')).first().waitFor();
  assert.equal(await errorList.locator(tid('contract-error-deductions')).first().getAttribute('data-field'), 'deductions[1].cap');
  // The row's own cell says what is wrong, right under the cap field.
  const cellError = page.locator(`td:has(${tid('deduction-cap-1')}) .cell-error`);
  await cellError.waitFor();
  assert.notEqual((await cellError.innerText()).trim(), '');
  await expectCount(errorList.locator('li'), 1, 'only the cap is wrong');
  assert.ok(page.url().includes('/contracts/new'), 'still on the editor');
  await page.locator(tid('contract-section-deductions')).scrollIntoViewIfNeeded();
  await screenshot(page, '07-contract-editor-refused');

  const api = await apiAs('office');
  const found = await api.get(`/contracts?q=${encodeURIComponent(TITLE)}`);
  assert.equal(found.total, 0, 'a refused contract must not be stored');
});

test("CON-1 office fixes the cap, saves, and lands on the draft's detail page", async () => {
  await page.locator(tid('deduction-cap-1')).fill('5000.00');
  await page.locator(tid('contract-save')).click();
  await page.locator(tid('contract-detail')).waitFor();
  await page.locator(tid('contract-title')).getByText(TITLE).waitFor();
  contractId = Number(page.url().match(/#\/contracts\/(\d+)/)?.[1]);
  assert.ok(contractId > 0, `detail page address has the id: ${page.url()}`);
  await waitForStatus('draft');
  assert.equal((await status().innerText()).trim(), '草稿');
  assert.equal((await page.locator(tid('contract-vendor')).innerText()).trim(), VENDOR);
  assert.match(await page.locator(tid('contract-term')).innerText(), new RegExp(`${TERM_START} ~ ${TERM_END}`));
  assert.equal((await page.locator(tid('contract-total-amount')).innerText()).trim(), '360,000.00');
  const content = page.locator(tid('contract-content'));
  assert.match(await content.locator(tid('content-party-b')).innerText(), new RegExp(VENDOR));
  assert.match(await content.locator(tid('content-service-items')).innerText(), /庭院绿化养护/);
  assert.match(await content.locator(tid('content-installments')).innerText(), new RegExp(Q[3]));
  assert.match(await content.locator(tid('content-staffing')).innerText(), /绿化养护工/);
  assert.match(await content.locator(tid('content-deductions')).innerText(), /5,000\.00/);
  assert.ok((await content.locator(`${tid('content-checklist')} tbody tr`).count()) > 1);
  await screenshot(page, '07-contract-draft-detail');

  // The stored content is what was typed: exact money strings, the copied checklist, the department.
  const contract = await (await apiAs('office')).get(`/contracts/${contractId}`);
  assert.equal(contract.status, 'draft');
  assert.equal(contract.content.party_b.name, VENDOR);
  assert.equal(contract.content.annual_amount, '360000.00');
  assert.deepEqual(
    contract.content.service_items.map((row) => row.amount),
    ['240000.00', '120000.00'],
  );
  assert.deepEqual(
    contract.content.payment.installments.map((row) => row.period),
    Q,
  );
  assert.equal(contract.content.payment.frequency, 'quarterly');
  assert.equal(
    contract.content.assessment.checklist.reduce((sum, row) => sum + row.points, 0),
    100,
  );
  assert.deepEqual(contract.content.staffing[3], { day_type: 'workday', role: '绿化养护工', people: 2, hours: 6 });
  assert.equal(contract.content.deductions[1].cap, '5000.00');
  assert.equal(contract.content.responsible_person, '王主任');
  assert.ok(contract.content.responsible_department_id > 0);
});

test('CON-2 office submits the draft for review: 审查中', async () => {
  await page.locator(tid('contract-submit')).click();
  await confirmMessageBox(page);
  await waitForStatus('in_review');
  assert.equal((await status().innerText()).trim(), '审查中');
  await expectCount(page.locator(tid('contract-edit')), 0, 'no editing while in review');
  await expectCount(page.locator(tid('contract-sign')), 0);
  await page.locator(tid('contract-tab-reviews')).click();
  await page.locator(tid('review-legal')).waitFor();
  assert.equal(await page.locator(tid('review-legal')).getAttribute('data-decision'), 'pending');
  assert.equal(await page.locator(tid('review-text')).getAttribute('data-decision'), 'pending');
  await screenshot(page, '07-contract-in-review');
});

test('CON-2 the judicial office (法律审查) sees the PDF and approves in its own session', async () => {
  ({ page: sifa } = await browserAs('sifa'));
  await sifa.locator(tid('menu-contracts')).click();
  await sifa.locator(tid(`contract-row-${contractId}`)).click();
  await sifa.locator(tid('contract-title')).getByText(TITLE).waitFor();
  await waitForStatus('in_review', sifa);
  // A reviewer only reviews: no editing, submitting or signing.
  for (const button of ['contract-edit', 'contract-submit', 'contract-sign']) {
    await expectCount(sifa.locator(tid(button)), 0, `${button} is not offered to the reviewer`);
  }
  assert.match(await sifa.locator(tid('contract-pdf-link')).getAttribute('href'), new RegExp(`/api/v1/contracts/${contractId}/document\\.pdf`));
  await sifa.locator(tid('contract-tab-reviews')).click();
  const preview = sifa.locator(tid('contract-pdf-preview'));
  await preview.waitFor();
  assert.match(await preview.getAttribute('src'), new RegExp(`/contracts/${contractId}/document\\.pdf`));
  await screenshot(sifa, '07-contract-reviewer-sifa');

  await sifa.locator(tid('contract-review-approve')).click();
  const dialog = sifa.locator(tid('contract-review-dialog'));
  await dialog.waitFor();
  assert.match(await dialog.locator('.el-dialog__title').innerText(), /法律审查/);
  await sifa.locator(tid('contract-review-comment')).fill('条款合法合规，同意。');
  await sifa.locator(tid('contract-review-confirm')).click();
  await dialog.waitFor({ state: 'hidden' });
  const legal = sifa.locator(`${tid('review-legal')}[data-decision="approve"]`);
  await legal.waitFor();
  assert.match(await legal.locator(tid('review-legal-comment')).innerText(), /条款合法合规，同意。/);
  assert.equal(await sifa.locator(tid('review-text')).getAttribute('data-decision'), 'pending');
  // One approval is not enough: still in review.
  await waitForStatus('in_review', sifa);
  await expectCount(sifa.locator(tid('contract-review-approve')), 0, 'the legal review is done');
});

// The review tab embeds the PDF in an <iframe>; the browser must be allowed to show it there.
test("CON-2 the reviewer's in-page PDF preview actually shows the document", async () => {
  const frame = await sifa
    .locator(tid('contract-pdf-preview'))
    .elementHandle()
    .then((handle) => handle.contentFrame());
  const started = performance.now();
  while (performance.now() - started < 5_000 && !/document\.pdf|chrome-error/.test(frame.url())) await sifa.waitForTimeout(100);
  assert.match(frame.url(), new RegExp(`/contracts/${contractId}/document\\.pdf`), `the preview frame shows ${frame.url()}`);
});

test('CON-2 with only the legal review done, office still cannot sign', async () => {
  await page.reload();
  await page.locator(tid('contract-title')).getByText(TITLE).waitFor();
  await waitForStatus('in_review');
  await expectCount(page.locator(tid('contract-sign')), 0);
});

test('CON-2 the party-government office (文字把关) approves in its own session: 审查通过, office may sign', async () => {
  const { page: dangzheng } = await browserAs('dangzheng');
  await openContract(dangzheng);
  await dangzheng.locator(tid('contract-review-approve')).click();
  const dialog = dangzheng.locator(tid('contract-review-dialog'));
  await dialog.waitFor();
  assert.match(await dialog.locator('.el-dialog__title').innerText(), /文字把关/);
  await dangzheng.locator(tid('contract-review-comment')).fill('文字表述规范，同意。');
  await dangzheng.locator(tid('contract-review-confirm')).click();
  await dialog.waitFor({ state: 'hidden' });
  await waitForStatus('approved', dangzheng);
  await screenshot(dangzheng, '07-contract-reviewer-dangzheng');

  await page.reload();
  await page.locator(tid('contract-title')).getByText(TITLE).waitFor();
  await waitForStatus('approved');
  assert.equal((await status().innerText()).trim(), '审查通过');
  await page.locator(tid('contract-sign')).waitFor();
  await page.locator(tid('contract-tab-reviews')).click();
  assert.equal(await page.locator(tid('review-legal')).getAttribute('data-decision'), 'approve');
  assert.equal(await page.locator(tid('review-text')).getAttribute('data-decision'), 'approve');
  assert.match(await page.locator(tid('review-text-comment')).innerText(), /文字表述规范/);
  await screenshot(page, '07-contract-approved');
});

test('X-6 the reviews tab and the history name each reviewer by display name and role, never by user name or role code', async () => {
  const names = {};
  for (const username of ['sifa', 'dangzheng']) names[username] = (await (await apiAs(username)).get('/session')).user.display_name;
  await page.locator(tid('contract-tab-reviews')).click();
  const legalBy = (await page.locator(tid('review-legal-by')).innerText()).trim();
  const textBy = (await page.locator(tid('review-text-by')).innerText()).trim();
  // The demo's display names already state the office (陈所长(司法所)); the role is then not repeated.
  assert.equal(legalBy, names.sifa.includes('司法所') ? names.sifa : `${names.sifa} (司法所)`);
  assert.equal(textBy, names.dangzheng.includes('党政办') ? names.dangzheng : `${names.dangzheng} (党政办)`);
  const reviews = await page.locator(tid('contract-reviews')).innerText();
  await screenshot(page, '07-contract-reviewers-named');
  await page.locator(tid('contract-tab-history')).click();
  const history = await page.locator(tid('contract-history')).innerText();
  assert.ok(history.includes(names.sifa) && history.includes(names.dangzheng), `display names in the history: ${history}`);
  for (const raw of [/\bsifa\b/, /\bdangzheng\b/, /\(judicial\)/, /party_office/, /\boffice\b/]) {
    assert.doesNotMatch(`${reviews}\n${history}`, raw);
  }
  await screenshot(page, '07-contract-history-named');
  await page.locator(tid('contract-tab-reviews')).click();
});

test('CON-3 office signs with the date, both signatories and the scan: 履行中', async () => {
  await page.locator(tid('contract-sign')).click();
  const dialog = page.locator(tid('sign-dialog'));
  await dialog.waitFor();
  // The dialog proposes the browser's today, which is the server's: the fake clock's date.
  assert.equal(await page.locator(`${tid('sign-signed-on')} input`).inputValue(), TODAY);
  const signedOn = TODAY;
  await fillDate(page, 'sign-signed-on', signedOn);
  await page.locator(tid('sign-party-a')).fill('李镇长');
  await page.locator(tid('sign-party-b')).fill('陈经理');
  await page.locator(tid('sign-file')).setInputFiles(scanPath);
  await page.locator(tid('sign-confirm')).click();
  await dialog.waitFor({ state: 'hidden' });
  await waitForStatus('active');
  assert.equal((await status().innerText()).trim(), '履行中');
  assert.match(await page.locator(tid('contract-signing')).innerText(), new RegExp(`${signedOn}.*李镇长 / 陈经理`));
  assert.match(await page.locator(tid('contract-signed-scan')).innerText(), /合同签署扫描件\.png/);
  await expectCount(page.locator(tid('contract-sign')), 0);
  await expectCount(page.locator(tid('contract-edit')), 0, 'an active contract changes only by amendment');
  await screenshot(page, '07-contract-signed');
});

test('X-5 the stored signing scan is the uploaded file, with its checksum', async () => {
  const contract = await (await apiAs('office')).get(`/contracts/${contractId}`);
  assert.equal(contract.status, 'active');
  assert.equal(contract.signing.attachment.sha256, createHash('sha256').update(scanBytes).digest('hex'));
});

test('CON-2 the versions tab names the status of the signed version in words, not its code', async () => {
  await page.locator(tid('contract-tab-versions')).click();
  const status = page.locator(tid('version-status-1'));
  await status.waitFor();
  assert.equal(await status.getAttribute('data-status'), 'signed');
  assert.equal((await status.innerText()).trim(), '已签订');
  assert.doesNotMatch(await page.locator(tid('version-table')).innerText(), /\bsigned\b/);
  await screenshot(page, '07-contract-versions');
});

test('CON-5 the 下载合同 PDF link gives the contract as a PDF naming the title and party B', async () => {
  const link = page.locator(tid('contract-pdf-link'));
  assert.equal((await link.innerText()).trim(), '下载合同 PDF');
  const url = new URL(await link.getAttribute('href'), page.url()).toString();
  // Fetched with the page's own session cookie, as the browser would.
  const answer = await office.context.request.get(url);
  assert.equal(answer.status(), 200);
  assert.match(answer.headers()['content-type'], /application\/pdf/);
  const pdf = await answer.body();
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  const pdfPath = join(ARTIFACTS, 'contract.pdf');
  writeFileSync(pdfPath, pdf);

  const pagePrefix = join(ARTIFACTS, 'contract-page');
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', pdfPath, pagePrefix]);
  // pdftoppm numbers the page with as many digits as the page count needs: contract-page-1.png or -01.png.
  const pngPath = ['-1', '-01', '-001']
    .map((tail) => `${pagePrefix}${tail}.png`)
    .find((path) => {
      try {
        return statSync(path).isFile();
      } catch {
        return false;
      }
    });
  assert.ok(pngPath, 'pdftoppm wrote the first page');
  assert.ok(statSync(pngPath).size > 10_000, `first page PNG is not trivial: ${statSync(pngPath).size} bytes`);

  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-']).toString('utf8');
  const flat = text.replace(/\s+/g, '');
  assert.ok(flat.includes(TITLE), 'the PDF names the contract title');
  assert.ok(flat.includes(VENDOR), 'the PDF names party B');
});

test('CON-8 office records a payment for the first quarter in the ledger and sees the balance fall', async () => {
  await page.locator(tid('contract-tab-ledger')).click();
  const ledger = page.locator(tid('contract-ledger'));
  await ledger.locator(tid(`ledger-row-${Q[0]}`)).waitFor();
  assert.equal((await page.locator(tid(`ledger-due-${Q[0]}`)).innerText()).trim(), '90,000.00');
  assert.equal((await page.locator(tid(`ledger-paid-${Q[0]}`)).innerText()).trim(), '0.00');
  assert.equal((await page.locator(tid(`ledger-balance-${Q[0]}`)).innerText()).trim(), '90,000.00');
  const totals = page.locator(tid('ledger-totals'));
  assert.equal(await totals.getAttribute('data-balance'), '360000.00');

  await page.locator(tid(`ledger-pay-${Q[0]}`)).click();
  const dialog = page.locator(tid('ledger-payment-dialog'));
  await dialog.waitFor();
  const amount = page.locator(tid('payment-amount'));
  assert.equal(await amount.inputValue(), '90000.00', "prefilled with the period's balance");
  await amount.fill('30000.00');
  await page.locator(tid('payment-reference')).fill(`NH${suffix}001`);
  await page.locator(tid('payment-note')).fill('第一季度服务费（部分）');
  await page.locator(tid('payment-save')).click();
  await dialog.waitFor({ state: 'hidden' });

  await page.locator(`${tid(`ledger-paid-${Q[0]}`)}:text-is("30,000.00")`).waitFor();
  assert.equal((await page.locator(tid(`ledger-balance-${Q[0]}`)).innerText()).trim(), '60,000.00');
  assert.equal((await page.locator(tid(`ledger-balance-${Q[1]}`)).innerText()).trim(), '90,000.00');
  assert.equal(await totals.getAttribute('data-paid'), '30000.00');
  assert.equal(await totals.getAttribute('data-balance'), '330000.00');
  assert.match(await page.locator(tid('ledger-payments')).innerText(), new RegExp(`NH${suffix}001`));
  await page.locator(tid('ledger-chart')).scrollIntoViewIfNeeded();
  await screenshot(page, '07-contract-ledger');
});

test('ROLE-8 vendor1 sees the contract read-only', async () => {
  const { page: vendor1 } = await browserAs('vendor1');
  await vendor1.locator(tid('menu-contracts')).click();
  const table = vendor1.locator(tid('contract-table'));
  await table.locator(tid(`contract-row-${contractId}`)).waitFor();
  await expectCount(vendor1.locator(tid('contract-create')), 0);
  await vendor1.locator(tid(`contract-row-${contractId}`)).click();
  await vendor1.locator(tid('contract-title')).getByText(TITLE).waitFor();
  await waitForStatus('active', vendor1);
  for (const button of [
    'contract-edit',
    'contract-submit',
    'contract-sign',
    'contract-review-approve',
    'contract-amend',
    'contract-renew',
    'contract-terminate',
  ]) {
    await expectCount(vendor1.locator(tid(button)), 0, `${button} is not offered to the vendor`);
  }
  await vendor1.locator(tid('contract-tab-ledger')).click();
  await vendor1.locator(tid(`ledger-row-${Q[0]}`)).waitFor();
  await expectCount(vendor1.locator(tid('ledger-add-payment')), 0);
  await expectCount(vendor1.locator(tid(`ledger-pay-${Q[1]}`)), 0);
  await screenshot(vendor1, '07-contract-vendor1-readonly');
});

test('ROLE-8 vendor2 does not see the contract, neither in its list nor by its address', async () => {
  const { page: vendor2 } = await browserAs('vendor2');
  // What vendor2 may see, asked of the server: the list must show exactly that (loaded), and not our contract.
  const visible = (await (await apiAs('vendor2')).get('/contracts?page_size=20')).items;
  assert.ok(!visible.some((row) => row.id === contractId), 'the server does not list it to vendor2');
  await vendor2.locator(tid('menu-contracts')).click();
  const table = vendor2.locator(tid('contract-table'));
  await table.waitFor();
  if (visible.length > 0) await table.locator(tid(`contract-row-${visible[0].id}`)).waitFor();
  else await table.locator('.el-table__empty-text').waitFor();
  await expectCount(table.locator('[data-test^="contract-row-"]'), visible.length);
  await expectCount(vendor2.locator(tid(`contract-row-${contractId}`)), 0);
  assert.doesNotMatch(await vendor2.locator(tid('contract-table')).innerText(), new RegExp(TITLE));
  // Nor by its address.
  await go(vendor2, `/contracts/${contractId}`);
  await vendor2.locator(tid('contract-not-found')).waitFor();
  await vendor2.waitForLoadState('networkidle');
  assert.doesNotMatch(await vendor2.locator('body').innerText(), new RegExp(TITLE));
  await screenshot(vendor2, '07-contract-vendor2-not-found');
});
