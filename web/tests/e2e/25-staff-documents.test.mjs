// People's documents and social insurance (STF-2, issue 13) through the UI. The vendor logs in from the bare address,
// opens its contract's 人员 tab and adds two cleaners; each is flagged beside the name with the documents a cleaner
// must hold (缺健康证 ...). In the first one's 证件 dialog a labour contract saved without its file is refused with
// the reason beside the file field; a health certificate whose last valid day has passed is uploaded as a small
// PDF, and the roster flags it in words (健康证已过期 <date>) while the other person still lacks one; last month's
// social-insurance payment clears the first person's 社保缺 1 个月 flag. The office reads the dialog without write
// buttons.
//
// The contract is set up through the API (in force from the first of last month, as in 21-staff and 22); every date
// comes from the test clock.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { TODAY, addDays, addMonths, month, monthStart } from '../../../server/tests/clock.mjs';
import { apiAs, closeAll, expectCount, fillDate, go, login, logout, openBrowser, pickOption, screenshot, startServer, tid, uniqueSuffix } from './helpers.mjs';
import { createStaffContract } from './staff-fixtures.mjs';

const FIRST = monthStart(-1);
const LAST_MONTH = month(-1);
const POST = '保洁员';
const EXPIRED_ON = addDays(TODAY, -3);

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** A valid GB 11643 ID number of Shunde (440681) for a birth date and a sequence. */
function idNumber(birth, sequence) {
  const first17 = `440681${birth.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  const sum = [...first17].reduce((total, digit, index) => total + Number(digit) * WEIGHTS[index], 0);
  return first17 + '10X98765432'[sum % 11];
}

const PEOPLE = [
  { name: '周保洁', birth: addMonths(FIRST, -41 * 12), sequence: 31, phone: '13800000031' },
  { name: '吴保洁', birth: addDays(addMonths(FIRST, -36 * 12), 9), sequence: 42, phone: '13800000042' },
].map((person) => ({ ...person, id_number: idNumber(person.birth, person.sequence) }));

let server;
let browser;
let page;
let contractId;
let contractTitle;
let scratch;
let pdfPath;
let people = [];

/** vendor1's contract in force from the first of last month (staff-fixtures.mjs). */
async function createContract() {
  const contract = await createStaffContract('人员');
  contractTitle = contract.title;
  return contract.id;
}

before(async () => {
  server = await startServer({ name: '25-staff-documents' });
  contractId = await createContract();
  scratch = mkdtempSync(join(tmpdir(), 'houqin-e2e-documents-'));
  pdfPath = join(scratch, '健康证扫描件.pdf');
  writeFileSync(pdfPath, `%PDF-1.4\n% health certificate ${uniqueSuffix()}\n%%EOF\n`);
  browser = await openBrowser();
  page = browser.page;
});

after(async () => {
  try {
    await closeAll(browser);
  } finally {
    await server?.stop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
});

async function openRoster() {
  await go(page, `/contracts/${contractId}`);
  // The same address again changes no route (hash routing): reload, so the roster and its flags are read afresh.
  await page.reload();
  await page.locator(tid('contract-title')).getByText(contractTitle).waitFor();
  await page.locator(tid('contract-tab-staff')).click();
  await page.locator(tid('roster-table')).waitFor();
}

const flagOf = (person, kind) => page.locator(tid(`roster-doc-flag-${person.id}-${kind}`));
const fieldError = (itemId) => page.locator(`${tid(itemId)} .el-form-item__error`);

test('STF-2 the vendor adds two cleaners from the 人员 tab and each is flagged with the documents a cleaner must hold', async () => {
  await login(page, 'vendor1');
  await openRoster();
  for (const [index, person] of PEOPLE.entries()) {
    await page.locator(tid('roster-add')).click();
    await page.locator(tid('person-dialog')).waitFor();
    await page.locator(tid('person-field-name')).fill(person.name);
    await page.locator(tid('person-field-id-number')).fill(person.id_number);
    await page.locator(tid('person-field-phone')).fill(person.phone);
    await pickOption(page, 'person-field-role', POST);
    await fillDate(page, 'person-field-start-date', FIRST);
    await page.locator(tid('person-save')).click();
    await expectCount(page.locator(`${tid('person-dialog')}:visible`), 0, `person ${index + 1} saved`);
  }
  const listed = (await (await apiAs('vendor1')).get(`/contracts/${contractId}/staff?status=all`)).items;
  people = PEOPLE.map((person) => listed.find((item) => item.name === person.name));
  assert.ok(people.every(Boolean), 'both people are on the roster');
  for (const person of people) {
    await flagOf(person, 'health_certificate').waitFor();
    assert.equal((await flagOf(person, 'health_certificate').innerText()).trim(), '缺健康证');
    assert.equal((await flagOf(person, 'labour_contract').innerText()).trim(), '缺劳动合同');
    assert.equal((await page.locator(tid(`roster-insurance-flag-${person.id}`)).innerText()).trim(), '社保缺 1 个月');
  }
  await screenshot(page, '25-staff-documents-missing');
});

test('X-5 a document saved without its file is refused with the reason beside the file field, and nothing is written', async () => {
  await page.locator(tid(`roster-documents-${people[0].id}`)).click();
  await page.locator(tid('documents-dialog')).waitFor();
  assert.match(await page.locator(tid('documents-state-health_certificate')).innerText(), /缺/);
  await page.locator(tid('documents-add')).click();
  await pickOption(page, 'documents-field-kind', '劳动合同');
  await fillDate(page, 'documents-field-issued-on', FIRST);
  await page.locator(tid('documents-save')).click();
  await fieldError('documents-field-file-item').waitFor();
  assert.match(await fieldError('documents-field-file-item').innerText(), /扫描件/);
  assert.match(await page.locator(`${tid('documents-field-file-item')} .el-form-item__label`).innerText(), /扫描件或照片/);
  await screenshot(page, '25-staff-documents-no-file');
  const seen = await (await apiAs('vendor1')).get(`/staff/${people[0].id}/documents`);
  assert.deepEqual(seen.documents, [], 'nothing was written');
});

test('STF-2 an expired health certificate uploaded as a PDF is flagged in words with its date; the other person still lacks one', async () => {
  // The open form keeps the labour contract: now with its file.
  await page.locator(tid('documents-file')).setInputFiles(pdfPath);
  await page.locator(tid('documents-save')).click();
  await expectCount(page.locator(tid('documents-form')), 0, 'the labour contract is saved');

  await page.locator(tid('documents-add')).click();
  await pickOption(page, 'documents-field-kind', '健康证');
  await page.locator(tid('documents-file')).setInputFiles(pdfPath);
  await fillDate(page, 'documents-field-issued-on', addMonths(EXPIRED_ON, -12));
  await fillDate(page, 'documents-field-expires-on', EXPIRED_ON);
  await page.locator(tid('documents-save')).click();
  await expectCount(page.locator(tid('documents-form')), 0, 'the health certificate is saved');
  await page.locator(`${tid('documents-state-health_certificate')}[data-state="expired"]`).waitFor();
  assert.equal((await page.locator(tid('documents-state-health_certificate')).innerText()).trim(), `健康证已过期 ${EXPIRED_ON}`);
  const table = await page.locator(tid('documents-table')).innerText();
  assert.match(table, /健康证扫描件\.pdf/);
  assert.match(table, /SHA-256 [0-9a-f]{12}/, 'the scan is shown with its checksum');
  const saved = await (await apiAs('vendor1')).get(`/staff/${people[0].id}/documents`);
  assert.deepEqual(saved.documents.map((item) => [item.kind, item.expires_on]).sort(), [
    ['health_certificate', EXPIRED_ON],
    ['labour_contract', null],
  ]);
  await screenshot(page, '25-staff-documents-dialog');

  // D3 §3: last month's social-insurance payment.
  await page.locator(tid('insurance-add')).click();
  await fillDate(page, 'insurance-field-month', LAST_MONTH);
  await page.locator(tid('insurance-field-amount')).fill('1180.50');
  await page.locator(tid('insurance-save')).click();
  await page.locator(tid(`insurance-row-${LAST_MONTH}`)).waitFor();
  assert.match(await page.locator(tid('insurance-table')).innerText(), /1,180\.50/);
  await expectCount(page.locator(tid('documents-insurance-flag')), 0, 'no month missing any more');
  await page.locator(tid('documents-close')).click();

  await flagOf(people[0], 'health_certificate').getByText(`健康证已过期 ${EXPIRED_ON}`).waitFor();
  await expectCount(flagOf(people[0], 'labour_contract'), 0, 'the labour contract is on file');
  await expectCount(page.locator(tid(`roster-insurance-flag-${people[0].id}`)), 0, 'the payment clears the flag');
  assert.equal((await flagOf(people[1], 'health_certificate').innerText()).trim(), '缺健康证');
  assert.equal((await page.locator(tid(`roster-insurance-flag-${people[1].id}`)).innerText()).trim(), '社保缺 1 个月');
  await screenshot(page, '25-staff-documents-flags');
  await logout(page);
});

test('STF-2 the office reads the documents and payments, without buttons to write them', async () => {
  await login(page, 'office');
  await openRoster();
  await flagOf(people[0], 'health_certificate').waitFor();
  await page.locator(tid(`roster-documents-${people[0].id}`)).click();
  await page.locator(tid('documents-dialog')).waitFor();
  await page
    .locator(`${tid('documents-table')} tbody tr`)
    .first()
    .waitFor();
  assert.match(await page.locator(tid('documents-table')).innerText(), /健康证/);
  await expectCount(page.locator(tid('documents-add')), 0, 'the office does not upload documents');
  await expectCount(page.locator(tid('insurance-add')), 0, 'nor record payments');
  await page.locator(tid('documents-close')).click();
  await logout(page);
});
