// A vendor user sees its own vendor record and nothing of another vendor's (ROLE-8).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiAs, closeAll, expectCount, go, login, openBrowser, screenshot, startServer, tid } from './helpers.mjs';

const OWN = '九江长安物业服务有限公司';
const OTHER = '佛山安泰保安服务有限公司';

let server;
let browser;
let page;
let own;
let other;

before(async () => {
  server = await startServer({ name: '02-vendor-scope' });
  // Setup only: the administrator looks up both vendors' ids and credit codes.
  const admin = await apiAs('admin');
  own = (await admin.get(`/vendors?q=${encodeURIComponent(OWN)}`)).items[0];
  other = (await admin.get(`/vendors?q=${encodeURIComponent(OTHER)}`)).items[0];
  assert.ok(own && other, 'the demo data has both vendors');
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

test('ROLE-8 vendor1 sees exactly one vendor in the list: its own', async () => {
  await login(page, 'vendor1');
  await page.locator(tid('menu-vendors')).click();
  const table = page.locator(tid('vendor-table'));
  await table.locator(tid(`vendor-row-${own.id}`)).waitFor();
  const links = table.locator('[data-test^="vendor-row-"]');
  await expectCount(links, 1);
  assert.equal((await links.first().innerText()).trim(), OWN);
  const text = await table.innerText();
  assert.doesNotMatch(text, new RegExp(OTHER));
  assert.match(await page.locator(tid('vendor-pager')).innerText(), /共\s*1\s*条/);
  // A vendor user registers no vendors.
  await expectCount(page.locator(tid('vendor-create')), 0);
  await screenshot(page, '02-vendor1-list');
});

test('ROLE-8 vendor1 opening another vendor by its address sees a not-found message, not the data', async () => {
  await go(page, `/vendors/${other.id}`);
  // The page itself says the vendor does not exist (a lasting message, not a toast that fades).
  await page.locator(tid('vendor-not-found')).getByText('外包单位不存在').waitFor();
  await page.waitForLoadState('networkidle');
  const body = await page.locator('body').innerText();
  assert.doesNotMatch(body, new RegExp(OTHER));
  assert.ok(!body.includes(other.credit_code), "the other vendor's credit code is not shown");
  assert.ok(!body.includes(other.bank_account_no), "the other vendor's bank account is not shown");
  await expectCount(page.locator(tid('qualification-add')), 0);
  await screenshot(page, '02-vendor1-other-vendor-not-found');
});

test('ROLE-8 vendor1 opening its own vendor by its address sees its data', async () => {
  await go(page, `/vendors/${own.id}`);
  await page
    .locator(`.el-card__header ${tid('vendor-detail-title')}`)
    .getByText(OWN)
    .waitFor();
  assert.equal((await page.locator(tid('vendor-detail-credit-code')).innerText()).trim(), own.credit_code);
  // It may keep its own qualifications up to date (vendor:write_own) but not edit the vendor record.
  await page.locator(tid('qualification-add')).waitFor();
  await expectCount(page.locator(tid('vendor-edit')), 0);
  await screenshot(page, '02-vendor1-own-vendor');
});
