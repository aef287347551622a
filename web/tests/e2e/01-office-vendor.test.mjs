// The office-affairs office registers a vendor and its qualification scan, in Chinese: the interface (X-6), the
// registry with its credit-code check and expired qualifications (PRJ-4), the stored scan (X-5).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { MONTH, TODAY, YEAR, day } from '../../../server/tests/clock.mjs';
import {
  apiAs,
  closeAll,
  expectCount,
  login,
  openBrowser,
  pickOption,
  randomCreditCode,
  screenshot,
  startServer,
  tid,
  tinyPng,
  uniqueSuffix,
  withWrongCheckChar,
} from './helpers.mjs';

let server;
let browser;
let page;
let scratch;
let scanPath;
let scanBytes;

before(async () => {
  server = await startServer({ name: '01-office-vendor' });
  scratch = mkdtempSync(join(tmpdir(), 'houqin-e2e-files-'));
  scanBytes = tinyPng();
  scanPath = join(scratch, '营业执照扫描件.png');
  writeFileSync(scanPath, scanBytes);
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

const suffix = uniqueSuffix();
const vendorName = `测试物业服务有限公司${suffix}`;
const creditCode = randomCreditCode();
let vendorId;

/** The vendor name in the detail page header. */
const detailHeaderName = () => page.locator(`.el-card__header ${tid('vendor-detail-title')}`);

/** The error text Element Plus shows under the form item that holds the given field. */
const fieldError = (fieldId) => page.locator(`.el-form-item:has(${tid(fieldId)}) .el-form-item__error`);

test('X-6 office logs in and sees the Chinese interface by default', async () => {
  await login(page, 'office');
  const menu = page.locator(tid('menu'));
  await menu.getByText('外包单位', { exact: true }).waitFor();
  assert.match(await menu.innerText(), /服务目录/);
  assert.equal(await page.locator(tid('app-brand')).innerText(), '后勤外包监管');
  assert.equal(await page.locator(tid('page-title')).innerText(), '待办事项');
  await screenshot(page, '01-office-home-zh');
});

test('PRJ-4 an invalid credit code is refused next to the field and nothing is created', async () => {
  await page.locator(tid('menu-vendors')).click();
  await page.locator(tid('vendor-table')).waitFor();
  await page.locator(tid('vendor-create')).click();
  const dialog = page.locator(tid('vendor-dialog'));
  await dialog.waitFor();
  await page.locator(tid('vendor-name')).fill(vendorName);
  await page.locator(tid('vendor-credit-code')).fill(withWrongCheckChar(creditCode));
  await page.locator(tid('vendor-legal-representative')).fill('张三');
  await page.locator(tid('vendor-contact-name')).fill('李四');
  await page.locator(tid('vendor-contact-phone')).fill('0757-86801234');
  await page.locator(tid('vendor-address')).fill('广东省佛山市南海区九江镇测试路1号');
  await page.locator(tid('vendor-bank-account-name')).fill(vendorName);
  await page.locator(tid('vendor-bank-name')).fill('中国农业银行佛山九江支行');
  await page.locator(tid('vendor-bank-account-no')).fill('445801010400009999');
  await page.locator(tid('vendor-registered-capital')).fill('1000000.50');
  await pickOption(page, 'vendor-category-ids', '保洁绿化');
  await page.locator(tid('vendor-dialog')).locator('.el-dialog__title').click(); // close the select's popper
  await page.locator(tid('vendor-save')).click();

  const error = fieldError('vendor-credit-code');
  await error.waitFor();
  assert.match(await error.innerText(), /统一社会信用代码/);
  assert.ok(await dialog.isVisible(), 'the dialog stays open');
  // Every other field is valid: the credit code is the only one marked.
  await expectCount(dialog.locator('.el-form-item__error'), 1);
  await screenshot(page, '01-vendor-invalid-credit-code');

  const api = await apiAs('office');
  const found = await api.get(`/vendors?q=${encodeURIComponent(vendorName)}`);
  assert.equal(found.total, 0, 'a refused vendor must not be stored');
});

test('PRJ-4 office creates a vendor through the form and sees it in the list', async () => {
  await page.locator(tid('vendor-credit-code')).fill(creditCode);
  await page.locator(tid('vendor-save')).click();

  // After creating, the app opens the new vendor's detail page.
  await detailHeaderName().getByText(vendorName).waitFor();
  vendorId = Number(page.url().match(/#\/vendors\/(\d+)/)?.[1]);
  assert.ok(vendorId > 0, `detail page address has the id: ${page.url()}`);
  assert.equal((await page.locator(tid('vendor-detail-credit-code')).innerText()).trim(), creditCode);
  assert.match(await page.locator(tid('vendor-detail')).innerText(), /1,000,000\.50|1000000\.50/);
  await screenshot(page, '01-vendor-created-detail');

  await page.locator(tid('vendor-back')).click();
  await page.locator(tid('vendor-search')).fill(vendorName);
  await page.locator(tid('vendor-search')).press('Enter');
  const link = page.locator(tid(`vendor-row-${vendorId}`));
  await link.waitFor();
  assert.equal((await link.innerText()).trim(), vendorName);
  const row = page.locator(`tr:has(${tid(`vendor-row-${vendorId}`)})`);
  assert.match(await row.innerText(), new RegExp(creditCode));
  await screenshot(page, '01-vendor-in-list');
});

test("the date picker opens on the server's today: the browser's clock follows the server's", async () => {
  await page.locator(tid(`vendor-row-${vendorId}`)).click();
  await detailHeaderName().getByText(vendorName).waitFor();
  await page.locator(tid('qualification-add')).click();
  const dialog = page.locator(tid('qualification-dialog'));
  await dialog.waitFor();
  await page.locator(`${tid('qualification-valid-until')} input`).click();
  const panel = page.locator('.el-picker-panel.el-date-picker:visible');
  await panel.waitFor();
  const header = (await panel.locator('.el-date-picker__header-label').allInnerTexts()).join(' ');
  assert.match(header, new RegExp(`${YEAR}\\s*年.*\\b${MONTH}\\s*月`), `the panel shows the fake month: ${header}`);
  assert.equal((await panel.locator('td.today').innerText()).trim(), String(Number(TODAY.slice(8, 10))));
  await screenshot(page, '01-date-picker-today');
  // Time still flows in the page: the 已保存 message of the creation closes by its own timer.
  await page.locator('.el-message').waitFor({ state: 'detached' });
  await page.keyboard.press('Escape');
  await dialog.getByRole('button', { name: '取消' }).click();
  await dialog.waitFor({ state: 'hidden' });
});

test('PRJ-4 office adds an expired qualification with a scan and sees it flagged 已过期', async () => {
  await detailHeaderName().getByText(vendorName).waitFor();
  await page.locator(tid('qualification-add')).click();
  const dialog = page.locator(tid('qualification-dialog'));
  await dialog.waitFor();

  await page.locator(`${tid('qualification-type')} input`).fill('物业服务企业资质证书');
  await page.locator(`${tid('qualification-type')} input`).press('Enter');
  await page.locator(tid('qualification-cert-no')).fill(`WY-${suffix}`);
  await page.locator(tid('qualification-issuer')).fill('佛山市住房和城乡建设局');
  const validFrom = day(-400);
  const validUntil = day(-10);
  await page.locator(`${tid('qualification-valid-from')} input`).fill(validFrom);
  await page.locator(`${tid('qualification-valid-from')} input`).press('Enter');
  await page.locator(`${tid('qualification-valid-until')} input`).fill(validUntil);
  await page.locator(`${tid('qualification-valid-until')} input`).press('Enter');
  await page.locator(tid('qualification-file')).setInputFiles(scanPath);
  await screenshot(page, '01-qualification-form');
  await page.locator(tid('qualification-save')).click();
  await dialog.waitFor({ state: 'hidden' });

  const table = page.locator(tid('qualification-table'));
  await table.locator(tid('qual-status-expired')).waitFor();
  assert.match(await table.locator(tid('qual-status-expired')).innerText(), /已过期/);
  assert.match(await table.innerText(), /物业服务企业资质证书/);
  assert.match(await table.innerText(), new RegExp(validUntil));
  // The detail header carries the vendor-level flag too.
  const header = page.locator(`.el-card__header:has(${tid('vendor-detail-title')})`);
  assert.match(await header.locator(tid('qual-status-expired')).innerText(), /已过期/);
  const scanLink = table.locator('[data-test^="qualification-scan-"]');
  assert.match(await scanLink.innerText(), /营业执照扫描件\.png/);
  await screenshot(page, '01-qualification-expired');
});

test('X-5 the stored qualification scan is the uploaded file, with its checksum', async () => {
  const api = await apiAs('office');
  const vendor = await api.get(`/vendors/${vendorId}`);
  assert.equal(vendor.qualifications.length, 1);
  const attachment = vendor.qualifications[0].attachment;
  assert.equal(attachment.size, scanBytes.length);
  assert.equal(attachment.sha256, createHash('sha256').update(scanBytes).digest('hex'));
});

test('PRJ-4 the vendor list filter 已过期 shows the new vendor flagged', async () => {
  await page.locator(tid('vendor-back')).click();
  await page.locator(tid('vendor-table')).waitFor();
  await pickOption(page, 'vendor-filter-qualification', '已过期');
  const row = page.locator(`tr:has(${tid(`vendor-row-${vendorId}`)})`);
  await row.waitFor();
  assert.match(await row.locator(tid('qual-status-expired')).innerText(), /已过期/);
  // Every row the filter leaves is an expired one. The new vendor's row is also in the unfiltered list the page
  // showed first, so wait until the table holds as many rows as the server's filtered answer before reading them.
  const table = page.locator(tid('vendor-table'));
  const tags = table.locator('[data-test^="qual-status-"]');
  const count = (await (await apiAs('office')).get('/vendors?qualification=expired&page_size=20')).items.length;
  assert.ok(count >= 1);
  await expectCount(tags, count, 'the list shows what the server filters');
  for (let index = 0; index < count; index += 1) {
    assert.equal(await tags.nth(index).getAttribute('data-test'), 'qual-status-expired');
  }
  await screenshot(page, '01-vendor-list-expired-filter');
});
