// Discipline inspection browses and verifies the audit trail and can change nothing (ROLE-4, X-1). The office
// registers a vendor with a qualification first (through the API), so the test knows the entry it must find.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { day } from '../../../server/tests/clock.mjs';
import { apiAs, closeAll, expectCount, go, login, openBrowser, pickOption, randomCreditCode, screenshot, startServer, tid, uniqueSuffix } from './helpers.mjs';

const suffix = uniqueSuffix();
const VENDOR = `审计见证物业服务有限公司${suffix}`;

let server;
let browser;
let page;
let vendor;
let qualification;
let created;

before(async () => {
  server = await startServer({ name: '03-discipline-audit' });
  // Setup only: the office registers a vendor with one qualification; its creation is the newest audit entry.
  const office = await apiAs('office');
  vendor = await office.post('/vendors', {
    name: VENDOR,
    credit_code: randomCreditCode(),
    legal_representative: '周八',
    contact_name: '吴九',
    contact_phone: '0757-86900000',
    address: '九江镇儒林路 8 号',
    bank_account_name: VENDOR,
    bank_name: '中国建设银行佛山九江支行',
    bank_account_no: '4367420011112222',
    staff_count: 8,
    registered_capital: '300000.00',
    has_training_system: true,
    has_management_system: true,
    category_ids: [],
    status: 'active',
  });
  qualification = await office.post(`/vendors/${vendor.id}/qualifications`, {
    type: '物业服务企业资质证书',
    cert_no: `WY-${suffix}`,
    issuer: '佛山市住房和城乡建设局',
    valid_from: day(-100),
    valid_until: day(300),
  });
  const jiwei = await apiAs('jiwei');
  const entries = await jiwei.get(`/audit?entity=vendor&action=create&entity_id=${vendor.id}`);
  assert.equal(entries.total, 1, 'the creation of the vendor is audited once');
  created = entries.items[0];
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

test('ROLE-4 discipline inspection sees the audit menu and, filtered, the creation of the new vendor', async () => {
  await login(page, 'jiwei');
  const auditMenu = page.locator(tid('menu-audit'));
  await auditMenu.waitFor();
  assert.match(await auditMenu.innerText(), /审计日志/);
  // Reads everything, administers nothing: the menu (drawn at once from the session's permissions) has no admin entry.
  await page.locator(tid('menu-vendors')).waitFor();
  for (const id of ['menu-users', 'menu-orgs', 'menu-settings']) await expectCount(page.locator(tid(id)), 0, id);
  await auditMenu.click();
  const table = page.locator(tid('audit-table'));
  await table.locator('[data-test^="audit-row-"]').first().waitFor();
  await screenshot(page, '03-audit-list');

  await pickOption(page, 'audit-filter-entity', '外包单位');
  await pickOption(page, 'audit-filter-action', '新增');
  await page.locator(tid('audit-search')).click();
  const row = page.locator(`tr:has(${tid(`audit-row-${created.seq}`)})`);
  await row.waitFor();
  const rowText = await row.innerText();
  assert.match(rowText, /新增/);
  assert.match(rowText, /外包单位/);
  // Every row left by the filter is a vendor creation, and there are as many as the server lists.
  const rows = table.locator('.el-table__body tr.el-table__row');
  const expected = (await (await apiAs('jiwei')).get('/audit?entity=vendor&action=create&page_size=20')).items.length;
  await expectCount(rows, expected);
  for (let index = 0; index < expected; index += 1) assert.match(await rows.nth(index).innerText(), /新增\s+外包单位/);
});

test('X-1 expanding an entry shows its before and after values', async () => {
  const row = page.locator(`tr:has(${tid(`audit-row-${created.seq}`)})`);
  await row.locator('.el-table__expand-icon').click();
  const diff = page.locator(tid(`audit-diff-${created.seq}`));
  await diff.waitFor();
  const text = await diff.innerText();
  assert.match(text, /变更前/);
  assert.match(text, /变更后/);
  // A creation: every key is new, the name and credit code are among them with their values, named in words (X-6).
  const changedKeys = await diff.locator(tid('audit-diff-changed')).allInnerTexts();
  assert.ok(changedKeys.includes('单位名称'), `changed keys: ${changedKeys.join(', ')}`);
  assert.ok(changedKeys.includes('统一社会信用代码'));
  assert.ok(text.includes(VENDOR), 'the new name is shown');
  assert.ok(text.includes(vendor.credit_code), 'the new credit code is shown');
  assert.ok(text.includes('300,000.00 元'), 'the registered capital as money');
  // The hash chain values stay, for verification, in their own explained section.
  const verification = await diff.locator(tid('audit-verification')).innerText();
  assert.match(verification, /校验信息/);
  assert.ok(verification.includes(`本条哈希：${created.hash}`));
  await screenshot(page, '03-audit-expanded');
});

test('X-1 the verify button reports the chain intact', async () => {
  const api = await apiAs('jiwei'); // a login is audited too: log in before the count is taken
  await page.locator(tid('audit-verify')).click();
  const result = page.locator(tid('audit-verify-result'));
  await result.waitFor();
  assert.equal(await result.getAttribute('data-ok'), 'true');
  const checked = (await api.get('/audit/verify')).checked;
  assert.match(await result.innerText(), new RegExp(`审计链完整，已校验 ${checked} 条记录`));
  await screenshot(page, '03-audit-verified');
});

test("X-1 discipline inspection follows one contract's whole trail from the contract page", async () => {
  const jiwei = await apiAs('jiwei');
  const contract = (await jiwei.get('/contracts?page_size=1')).items[0];
  assert.ok(contract, 'the demo has a contract');
  const trail = await jiwei.get(`/audit?entity=contract&entity_id=${contract.id}&page_size=20`);
  assert.ok(trail.total >= 1, 'the contract has audit entries');
  await go(page, `/contracts/${contract.id}`);
  await page.locator(tid('audit-trail-link')).click();
  await page.locator(tid('audit-object-filter')).waitFor();
  assert.match(new URL(page.url()).hash, new RegExp(`entity=contract.*entity_id=${contract.id}`));
  const rows = page.locator(`${tid('audit-table')} .el-table__body tr.el-table__row`);
  await expectCount(rows, trail.items.length);
  assert.deepEqual(await page.locator(tid('audit-entity')).evaluateAll((cells) => [...new Set(cells.map((cell) => cell.getAttribute('data-entity')))]), [
    'contract',
  ]);
  assert.match(await page.locator(tid('audit-object-filter')).innerText(), new RegExp(`合同 #${contract.id}`));
  // Operators by name and role, operations in words: the newest entry's operation as the server names it.
  const newest = trail.items[0];
  assert.equal(await page.locator(tid('audit-action')).first().getAttribute('data-action'), newest.action);
  assert.doesNotMatch(await page.locator(tid('audit-action')).first().innerText(), /[a-z]/);
  if (newest.actor_display_name) assert.ok((await page.locator(tid('audit-actor')).first().innerText()).includes(newest.actor_display_name));
  await screenshot(page, '03-audit-contract-trail');
});

test('ROLE-4 discipline inspection finds no create or edit buttons on vendors, qualifications and the catalogue', async () => {
  await page.locator(tid('menu-vendors')).click();
  const table = page.locator(tid('vendor-table'));
  await table.locator('[data-test^="vendor-row-"]').first().waitFor();
  // It reads the vendors of its scope: the list holds what the API gives it, without row or toolbar actions.
  const visible = (await (await apiAs('jiwei')).get('/vendors?page_size=20')).items.length;
  assert.ok(visible >= 1);
  await expectCount(table.locator('[data-test^="vendor-row-"]'), visible);
  await expectCount(page.locator(tid('vendor-create')), 0);
  await expectCount(page.locator('[data-test^="vendor-edit-"]'), 0);
  await screenshot(page, '03-discipline-vendor-list');

  await page.locator(tid('vendor-search')).fill(VENDOR);
  await page.locator(tid('vendor-search')).press('Enter');
  await expectCount(table.locator('[data-test^="vendor-row-"]'), 1);
  await table.locator(tid(`vendor-row-${vendor.id}`)).click();
  await page
    .locator(`.el-card__header ${tid('vendor-detail-title')}`)
    .getByText(VENDOR)
    .waitFor();
  // The qualification is listed (the vendor and its qualifications come in one answer), without its actions.
  await page.locator(tid(`qualification-row-${qualification.id}`)).waitFor();
  await expectCount(page.locator(tid('vendor-edit')), 0);
  await expectCount(page.locator(tid('qualification-add')), 0);
  await expectCount(page.locator('[data-test^="qualification-edit-"]'), 0);
  await expectCount(page.locator('[data-test^="qualification-delete-"]'), 0);

  await page.locator(tid('menu-categories')).click();
  await page.locator(tid('category-view-order')).waitFor();
  await expectCount(page.locator(tid('category-create')), 0);
  await expectCount(page.locator('[data-test^="category-edit-"]'), 0);
  await expectCount(page.locator('[data-test^="category-delete-"]'), 0);
});
