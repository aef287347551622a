// A vendor user sees its own vendor record and nothing of another vendor's (ROLE-8).
import assert from 'node:assert/strict';
import { dateOfYear } from '../../../server/tests/clock.mjs';
import { after, before, test } from 'node:test';
import {
  apiAs,
  closeAll,
  confirmMessageBox,
  expectCount,
  go,
  login,
  logout,
  openBrowser,
  screenshot,
  startServer,
  tid,
  tinyPng,
  uniqueSuffix,
} from './helpers.mjs';

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

/** A qualification vendor1 enters about its own vendor through the API (setup), with a scan it uploads when `scan`. */
async function vendorClaims(type, { scan = false } = {}) {
  const vendor1 = await apiAs('vendor1');
  let attachmentId = null;
  if (scan) {
    const answer = await fetch(`${server.url}/api/v1/attachments`, {
      method: 'POST',
      headers: { Cookie: vendor1.cookie, 'X-CSRF-Token': vendor1.csrf, 'Content-Type': 'image/png', 'X-Filename': 'scan.png' },
      body: tinyPng(),
    });
    assert.equal(answer.status, 201, 'scan uploaded');
    attachmentId = (await answer.json()).id;
  }
  const body = {
    type,
    cert_no: `E2E-${uniqueSuffix()}`,
    issuer: '自报',
    valid_from: dateOfYear(0, '01-01'),
    valid_until: dateOfYear(70, '12-31'),
    attachment_id: attachmentId,
  };
  return { ...(await vendor1.post(`/vendors/${own.id}/qualifications`, body)), body };
}

test('PRJ-4 vendor1 sees in words that a qualification it entered waits for the office and does not count for bidding yet', async () => {
  const claimed = await vendorClaims(`自报资质${uniqueSuffix()}`);
  await go(page, `/vendors/${own.id}`);
  await page.reload(); // the page is open already (the test before): read it again
  const tag = page.locator(tid(`qualification-verification-${claimed.id}`));
  await tag.waitFor();
  assert.equal((await tag.innerText()).trim(), '待核验');
  const why = await page.locator(tid(`qualification-why-${claimed.id}`)).innerText();
  assert.match(why, /核验通过前，该资质不计入投标资格/);
  assert.match(why, /尚无证书扫描件/);
  await page.locator(tid('qualification-pending-notice')).waitFor();
  await expectCount(page.locator(tid(`qualification-verify-${claimed.id}`)), 0, 'a vendor cannot verify its own');
  await screenshot(page, '02-vendor1-qualification-pending');
});

test('PRJ-4 the office rejects a pending qualification with a reason the vendor reads, then verifies the corrected one', async () => {
  const claimed = await vendorClaims(`自报资质${uniqueSuffix()}`, { scan: true });
  await logout(page);
  await login(page, 'office');
  await go(page, `/vendors/${own.id}`);
  await page.locator(tid(`qualification-reject-${claimed.id}`)).click();
  await page.locator('.el-message-box textarea').fill('扫描件上的证书编号与填写的不一致');
  await confirmMessageBox(page);
  const tag = page.locator(tid(`qualification-verification-${claimed.id}`));
  await tag.getByText('已退回').waitFor();

  await logout(page);
  await login(page, 'vendor1');
  await go(page, `/vendors/${own.id}`);
  await page
    .locator(tid(`qualification-why-${claimed.id}`))
    .getByText('扫描件上的证书编号与填写的不一致')
    .waitFor();
  await screenshot(page, '02-vendor1-qualification-rejected');

  // The vendor corrects it (setup through the API): it waits again, and the office verifies it.
  const vendor1 = await apiAs('vendor1');
  await vendor1.post(`/vendors/${own.id}/qualifications/${claimed.id}`, { ...claimed.body, cert_no: `${claimed.body.cert_no}-改` }, 'PUT');
  await logout(page);
  await login(page, 'office');
  await go(page, `/vendors/${own.id}`);
  await page.locator(tid(`qualification-verify-${claimed.id}`)).click();
  await confirmMessageBox(page);
  await page
    .locator(tid(`qualification-verification-${claimed.id}`))
    .getByText('已核验')
    .waitFor();
  assert.match(await page.locator(tid(`qualification-why-${claimed.id}`)).innerText(), /office 于 .* 核验/);
  await screenshot(page, '02-office-qualification-verified');
});
