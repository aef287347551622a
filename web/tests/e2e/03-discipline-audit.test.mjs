// ROLE-4 / X-1: discipline inspection browses and verifies the audit trail, and can change nothing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiAs, login, openBrowser, pickOption, screenshot, tid } from './helpers.mjs';

let browser;
let page;
let newest;

before(async () => {
  // Setup only: the newest "create vendor" entry (the vendor registered by the office scenario when it ran first,
  // else one written by the demo seed), so the test knows which row to expand and what it must show.
  const jiwei = await apiAs('jiwei');
  const page1 = await jiwei.get('/audit?entity=vendor&action=create&page_size=1');
  assert.ok(page1.total >= 1, 'the demo data has created vendors');
  newest = page1.items[0];
  browser = await openBrowser();
  page = browser.page;
});

after(async () => {
  await browser?.close();
});

test('ROLE-4 X-1 discipline inspection sees the audit menu and the create-vendor entries', async () => {
  await login(page, 'jiwei');
  const auditMenu = page.locator(tid('menu-audit'));
  await auditMenu.waitFor();
  assert.match(await auditMenu.innerText(), /审计日志/);
  // Reads everything, administers nothing.
  for (const id of ['menu-users', 'menu-orgs', 'menu-settings']) assert.equal(await page.locator(tid(id)).count(), 0, id);
  await auditMenu.click();
  const table = page.locator(tid('audit-table'));
  await table.locator('[data-test^="audit-row-"]').first().waitFor();
  await screenshot(page, '03-audit-list');

  await pickOption(page, 'audit-filter-entity', '外包单位');
  await pickOption(page, 'audit-filter-action', '新增');
  await page.locator(tid('audit-search')).click();
  const row = page.locator(`tr:has(${tid(`audit-row-${newest.seq}`)})`);
  await row.waitFor();
  const rowText = await row.innerText();
  assert.match(rowText, /新增/);
  assert.match(rowText, /外包单位/);
  // Every row left by the filter is a vendor creation.
  const rows = table.locator('.el-table__body tr.el-table__row');
  const count = await rows.count();
  assert.ok(count >= 1);
  for (let index = 0; index < count; index += 1) assert.match(await rows.nth(index).innerText(), /新增\s+外包单位/);
});

test('X-1 expanding an entry shows its before and after values', async () => {
  const row = page.locator(`tr:has(${tid(`audit-row-${newest.seq}`)})`);
  await row.locator('.el-table__expand-icon').click();
  const diff = page.locator(tid(`audit-diff-${newest.seq}`));
  await diff.waitFor();
  const text = await diff.innerText();
  assert.match(text, /变更前/);
  assert.match(text, /变更后/);
  // A creation: every key is new, the name and credit code are among them with their values.
  const changedKeys = await diff.locator(tid('audit-diff-changed')).allInnerTexts();
  assert.ok(changedKeys.includes('name'), `changed keys: ${changedKeys.join(', ')}`);
  assert.ok(changedKeys.includes('credit_code'));
  assert.ok(text.includes(newest.after.name), 'the new name is shown');
  assert.ok(text.includes(newest.after.credit_code), 'the new credit code is shown');
  assert.match(text, new RegExp(`hash ${newest.hash}`));
  await screenshot(page, '03-audit-expanded');
});

test('X-1 the verify button reports the chain intact', async () => {
  await page.locator(tid('audit-verify')).click();
  const result = page.locator(tid('audit-verify-result'));
  await result.waitFor();
  assert.equal(await result.getAttribute('data-ok'), 'true');
  assert.match(await result.innerText(), /审计链完整，已校验 \d+ 条记录/);
  await screenshot(page, '03-audit-verified');
});

test('ROLE-4 discipline inspection finds no create or edit buttons on vendors and the catalogue', async () => {
  await page.locator(tid('menu-vendors')).click();
  const table = page.locator(tid('vendor-table'));
  const firstLink = table.locator('[data-test^="vendor-row-"]').first();
  await firstLink.waitFor();
  // It reads the vendors of its scope: the list holds what the API gives it.
  const visible = (await apiAs('jiwei').then((api) => api.get('/vendors?page_size=20'))).items.length;
  assert.ok(visible >= 1);
  assert.equal(await table.locator('[data-test^="vendor-row-"]').count(), visible);
  assert.equal(await page.locator(tid('vendor-create')).count(), 0);
  assert.equal(await page.locator('[data-test^="vendor-edit-"]').count(), 0);
  await screenshot(page, '03-discipline-vendor-list');

  await firstLink.click();
  await page.locator(`.el-card__header ${tid('vendor-detail-title')}`).waitFor();
  await page.locator(tid('vendor-detail-credit-code')).waitFor();
  assert.equal(await page.locator(tid('vendor-edit')).count(), 0);
  assert.equal(await page.locator(tid('qualification-add')).count(), 0);
  assert.equal(await page.locator('[data-test^="qualification-edit-"]').count(), 0);
  assert.equal(await page.locator('[data-test^="qualification-delete-"]').count(), 0);

  await page.locator(tid('menu-categories')).click();
  await page.locator(tid('category-view-order')).waitFor();
  assert.equal(await page.locator(tid('category-create')).count(), 0);
  assert.equal(await page.locator('[data-test^="category-edit-"]').count(), 0);
  assert.equal(await page.locator('[data-test^="category-delete-"]').count(), 0);
});
